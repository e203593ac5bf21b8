package dev.chaos4j.core.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays paths recorded from Python's jsonpath2 0.4.5 (the library the reference uses): for each
 * path, either the values it selected in a document, or that jsonpath2 refused to parse it, or that
 * evaluating it failed.
 */
class Jsonpath2ConformanceTest {

  @TestFactory
  Stream<DynamicTest> behavesLikeJsonpath2() throws Exception {
    Map<?, ?> recorded = (Map<?, ?>) Json.parse(resource("jsonpath2-cases.json"));
    Map<?, ?> documents = (Map<?, ?>) recorded.get("documents");
    List<?> cases = (List<?>) recorded.get("cases");
    assertThat(cases).hasSizeGreaterThan(300);
    return cases.stream()
        .map(c -> (Map<?, ?>) c)
        .map(c -> DynamicTest.dynamicTest(name(c), () -> check(c, documents)));
  }

  private static void check(Map<?, ?> c, Map<?, ?> documents) {
    String path = (String) c.get("path");
    Object error = c.get("error");
    if ("parse".equals(error)) {
      assertThatThrownBy(() -> JsonPath.compile(path)).isInstanceOf(JsonPathException.class);
      return;
    }
    JsonPath compiled = JsonPath.compile(path);
    Object document = documents.get(c.get("doc"));
    if ("eval".equals(error)) {
      assertThatThrownBy(() -> compiled.evaluate(document)).isInstanceOf(JsonPathException.class);
      return;
    }
    assertThat(Json.compact(compiled.evaluate(document)))
        .as("%s on %s", path, c.get("doc"))
        .isEqualTo(Json.compact(c.get("result")));
  }

  private static String name(Map<?, ?> c) {
    String outcome = c.containsKey("error") ? c.get("error") + " error" : "on " + c.get("doc");
    return "[" + c.get("path") + "] " + outcome;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Jsonpath2ConformanceTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
