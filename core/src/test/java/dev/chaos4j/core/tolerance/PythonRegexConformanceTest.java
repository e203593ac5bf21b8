package dev.chaos4j.core.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays patterns recorded from Python 3.11's {@code re}: what {@code re.search} matched in each
 * subject, or the message with which Python refused the pattern.
 */
class PythonRegexConformanceTest {
  /** Patterns where we knowingly differ from Python, and what we do instead. */
  private static final Map<String, String> DIFFERENCES =
      Map.of(
          // Java accepts bounded variable-width look-behinds; Python only fixed-width ones
          "(?<=a+)b", "accepted",
          // Java has no conditional groups: refused, with a message saying so
          "(?(1)a|b)", "conditional groups (?(...)yes|no) are not supported");

  @TestFactory
  Stream<DynamicTest> behavesLikePythonRe() throws IOException, Json.SyntaxError {
    Map<?, ?> recorded = (Map<?, ?>) Json.parse(resource("python-regex-cases.json"));
    List<?> cases = (List<?>) recorded.get("cases");
    assertThat(cases).hasSizeGreaterThan(200);
    return cases.stream()
        .map(c -> (Map<?, ?>) c)
        .map(c -> DynamicTest.dynamicTest(String.valueOf(c.get("pattern")), () -> check(c)));
  }

  private static void check(Map<?, ?> c) {
    String pattern = (String) c.get("pattern");
    String difference = DIFFERENCES.get(pattern);
    if ("accepted".equals(difference)) {
      assertThat(PythonRegex.compile(pattern)).isNotNull();
      return;
    }
    if (c.containsKey("error")) {
      String expected = difference != null ? difference : (String) c.get("error");
      assertThatThrownBy(() -> PythonRegex.compile(pattern))
          .isInstanceOf(PatternSyntaxException.class)
          .satisfies(
              e -> {
                PatternSyntaxException p = (PatternSyntaxException) e;
                assertThat(p.getDescription()).isEqualTo(expected);
                assertThat(p.getPattern()).isEqualTo(pattern);
              });
      return;
    }
    Pattern compiled = PythonRegex.compile(pattern);
    Map<?, ?> matches = (Map<?, ?>) c.get("matches");
    matches.forEach(
        (subject, expected) -> {
          Matcher m = compiled.matcher((String) subject);
          String found = m.find() ? m.group() : null;
          assertThat(found)
              .as("%s (Java: %s) searched in %s", pattern, PythonRegex.translate(pattern), subject)
              .isEqualTo(expected);
        });
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PythonRegexConformanceTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
