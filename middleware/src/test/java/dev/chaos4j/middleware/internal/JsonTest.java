package dev.chaos4j.middleware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The middleware's own JSON reader and writer. */
class JsonTest {

  @Test
  void readsEveryKindOfValue() {
    Object value =
        Json.parse(
            "{\"s\": \"a\\\"b\\u00e9\\n\", \"i\": -12, \"big\": 12345678901234567890, \"d\": 1.5e2,"
                + " \"t\": true, \"f\": false, \"n\": null, \"l\": [1, [], {}]}");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "a\"bé\n");
    expected.put("i", -12L);
    expected.put("big", 1.2345678901234567E19);
    expected.put("d", 150.0);
    expected.put("t", true);
    expected.put("f", false);
    expected.put("n", null);
    expected.put("l", List.of(1L, List.of(), Map.of()));
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void writesCompactJsonThatReadsBack() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("s", "tab\there \"q\" \u0001");
    value.put("n", 3L);
    value.put("d", 0.25);
    value.put("whole", 2.0);
    value.put("l", List.of(true, "x"));
    value.put("null", null);

    String json = Json.write(value);

    assertThat(json)
        .isEqualTo(
            "{\"s\":\"tab\\there \\\"q\\\" \\u0001\",\"n\":3,\"d\":0.25,\"whole\":2,"
                + "\"l\":[true,\"x\"],\"null\":null}");
    Map<String, Object> readBack = new LinkedHashMap<>(value);
    readBack.put("whole", 2L);
    assertThat(Json.parse(json)).isEqualTo(readBack);
  }

  @Test
  void saysWhereADocumentIsWrong() {
    assertThatThrownBy(() -> Json.parse("{\"a\": }"))
        .hasMessage("invalid JSON at character 7: unexpected character '}'");
    assertThatThrownBy(() -> Json.parse("{\"a\": 1} x"))
        .hasMessage("invalid JSON at character 10: unexpected content after the document");
    assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}"))
        .hasMessageContaining("duplicate key");
    assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("unexpected end");
    assertThatThrownBy(() -> Json.parse("[".repeat(40) + "]".repeat(40)))
        .hasMessageContaining("nested deeper than 32 levels");
  }
}
