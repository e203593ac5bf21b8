package dev.chaos4j.proxy.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output written byte-for-byte as Go writes it: JSON, Prometheus numbers, clean paths. */
class GoFormatsTest {

  @Test
  void floatsAreWrittenInTheirShortestFormWithoutATrailingZero() {
    assertThat(GoJson.write(1f)).isEqualTo("1");
    assertThat(GoJson.write(0.5f)).isEqualTo("0.5");
    assertThat(GoJson.write(0.1f)).isEqualTo("0.1");
    assertThat(GoJson.write(0f)).isEqualTo("0");
    assertThat(GoJson.write(1e-7f)).isEqualTo("1e-7");
    assertThat(GoJson.write(2.5e22f)).isEqualTo("2.5e+22");
    assertThat(GoJson.write(0.3f)).isEqualTo("0.3");
    assertThat(GoJson.write(16777216f)).isEqualTo("16777216");
  }

  @Test
  void stringsEscapeHtmlCharactersAndControlsAsGoDoes() {
    assertThat(GoJson.write("a<b>&\"\\\n\t\u0001\u2028"))
        .isEqualTo("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\t\\u0001\\u2028\"");
  }

  @Test
  void mapsAndListsAreCompactAndKeepTheirOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", List.of(1L, true));
    map.put("a", null);

    assertThat(GoJson.write(map)).isEqualTo("{\"b\":[1,true],\"a\":null}");
  }

  @Test
  void prometheusNumbersUseGosShortestGFormat() {
    assertThat(MetricsText.number(0)).isEqualTo("0");
    assertThat(MetricsText.number(5)).isEqualTo("5");
    assertThat(MetricsText.number(123456)).isEqualTo("123456");
    assertThat(MetricsText.number(1_000_000)).isEqualTo("1e+06");
    assertThat(MetricsText.number(1_234_567)).isEqualTo("1.234567e+06");
  }

  @Test
  void pathsAreCleanedAsGorillaMuxCleansThem() {
    assertThat(ApiRouter.cleanPath("/proxies")).isEqualTo("/proxies");
    assertThat(ApiRouter.cleanPath("//proxies")).isEqualTo("/proxies");
    assertThat(ApiRouter.cleanPath("/proxies/../version")).isEqualTo("/version");
    assertThat(ApiRouter.cleanPath("/proxies/./x/")).isEqualTo("/proxies/x/");
    assertThat(ApiRouter.cleanPath("")).isEqualTo("/");
  }

  @Test
  void syntaxErrorsAreWordedAsGoWordsThem() {
    assertThat(problem("")).isEqualTo("bad request body: EOF");
    assertThat(problem("  ")).isEqualTo("bad request body: EOF");
    assertThat(problem("{\"a\":")).isEqualTo("bad request body: unexpected EOF");
    assertThat(problem("}"))
        .isEqualTo("bad request body: invalid character '}' looking for beginning of value");
    assertThat(problem("xyz"))
        .isEqualTo("bad request body: invalid character 'x' looking for beginning of value");
  }

  @Test
  void onlyTheFirstJsonValueCounts() {
    assertThat(JsonInput.parse("{} trailing".getBytes()).isObject()).isTrue();
  }

  private static String problem(String body) {
    try {
      JsonInput.parse(body.getBytes());
      return "no error";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
