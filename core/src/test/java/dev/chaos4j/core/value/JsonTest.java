package dev.chaos4j.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  @SuppressWarnings("unchecked")
  void parsesToPlainValuesKeepingKeyOrder() throws Exception {
    Object v = Json.parse("{\"b\": 1, \"a\": [true, null, 2.5, \"x\", 99999999999999999999]}");
    assertThat(v).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    assertThat(m.keySet()).containsExactly("b", "a");
    assertThat((List<Object>) m.get("a"))
        .containsExactly(true, null, 2.5, "x", new BigInteger("99999999999999999999"));
  }

  @Test
  void syntaxErrorsSayWhere() {
    assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  # comment\n}"))
        .isInstanceOfSatisfying(
            Json.SyntaxError.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(3);
            });
    assertThatThrownBy(() -> Json.parse("{} {}")).hasMessage("Extra data");
    assertThatThrownBy(() -> Json.parse("   ")).hasMessage("Expecting value");
  }

  @Test
  void prettyOutputMatchesPythonIndentTwo() {
    Object v = Json.parseTrusted("{\"a\": {}, \"b\": [], \"c\": [1, 2.0], \"d\": \"é\"}");
    assertThat(Json.pretty(v))
        .isEqualTo(
            "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    1,\n    2.0\n  ],\n  \"d\": \"é\"\n}");
  }

  @Test
  void compactOutputUsesPythonSeparators() {
    assertThat(Json.compact(Json.parseTrusted("{\"a\": [1, 2], \"b\": null}")))
        .isEqualTo("{\"a\": [1, 2], \"b\": null}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void deepCopyDetachesContainers() {
    @SuppressWarnings("unchecked")
    Map<String, Object> original = (Map<String, Object>) Json.parseTrusted("{\"a\": [1]}");
    Map<String, Object> copy = Json.deepCopy(original);
    ((List<Object>) copy.get("a")).add(2);
    assertThat((List<Object>) original.get("a")).containsExactly(1);
  }
}
