package dev.chaos4j.middleware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anchored route patterns and globs. */
class PathPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "/api/orders, /api/orders, true",
    "/api/orders, /api/orders/, false",
    "/api/orders, /v2/api/orders, false",
    "/api/orders, /api/orders/1, false",
    "/api/orders, /api/order, false",
    "/, /, true",
    "/, /x, false",
    "/**, /, true",
    "/**, /a/b/c, true",
    "/api/**, /api, true",
    "/api/**, /api/, true",
    "/api/**, /api/a/b, true",
    "/api/**, /apix, false",
    "/api/*, /api/orders, true",
    "/api/*, /api/orders/1, false",
    "/api/*, /api, false",
    "/api/{id}/items, /api/42/items, true",
    "/api/{id}/items, /api/42/items/1, false",
    "/a/**/c, /a/c, true",
    "/a/**/c, /a/b/c, true",
    "/a/**/c, /a/b/x/c, true",
    "/a/**/c, /a/b/c/d, false",
    "/**/c, /x/y/c, true",
    "/files/*.json, /files/a.json, true",
    "/files/*.json, /files/a.jsonx, false",
    "/files/*.json, /files/dir/a.json, false",
    "/v?/x, /v2/x, true",
    "/v?/x, /v10/x, false",
    "/a/**/b/**/c, /a/1/b/2/3/c, true",
    "/a/**/b/**/c, /a/1/2/c, false",
  })
  void matchesTheWholePath(String pattern, String path, boolean expected) {
    assertThat(PathPattern.compile(pattern).matches(path)).isEqualTo(expected);
  }

  @Test
  void refusesPatternsItCannotMatchSensibly() {
    assertThatThrownBy(() -> PathPattern.compile("api"))
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> PathPattern.compile("/a//b")).hasMessageContaining("empty segment");
    assertThatThrownBy(() -> PathPattern.compile("/a**")).hasMessageContaining("whole segment");
    assertThatThrownBy(() -> PathPattern.compile("/a{id}")).hasMessageContaining("whole segment");
    assertThatThrownBy(() -> PathPattern.compile("/" + "*/".repeat(17)))
        .hasMessageContaining("more than 16 wildcards");
    assertThatThrownBy(() -> PathPattern.compile("/" + "a".repeat(600)))
        .hasMessageContaining("longer than");
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "acme, acme, true",
    "acme, acme2, false",
    "acme-*, acme-eu, true",
    "acme-*, acme-, true",
    "*, '', true",
    "a*b*c, aXXbYYc, true",
    "a*b*c, aXXbYY, false",
    "a?c, abc, true",
    "a?c, ac, false",
  })
  void globsMatchWholeValues(String glob, String value, boolean expected) {
    assertThat(Glob.matches(glob, value)).isEqualTo(expected);
  }
}
