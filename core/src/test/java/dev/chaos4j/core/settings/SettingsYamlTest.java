package dev.chaos4j.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.value.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected texts are what PyYAML 6's {@code yaml.dump(value, indent=2)} gives for the same value.
 */
class SettingsYamlTest {

  private static String dump(String json) {
    return SettingsYaml.dump(Json.parseTrusted(json));
  }

  @Test
  void mappingsAreBlockStyleWithSortedKeysAndUnindentedSequences() {
    assertThat(
            dump(
                "{\"b\": 1, \"a\": {\"d\": [\"x\", \"y\", {\"k\": \"v\", \"a\": null}], \"c\": 2.5},"
                    + " \"s\": \"yes\", \"n\": \"123\", \"e\": \"\", \"t\": true, \"l\": [], \"m\": {}}"))
        .isEqualTo(
            """
            a:
              c: 2.5
              d:
              - x
              - y
              - a: null
                k: v
            b: 1
            e: ''
            l: []
            m: {}
            n: '123'
            s: 'yes'
            t: true
            """);
  }

  @Test
  void plainScalarAtTheTopEndsWithTheDocumentEndMarker() {
    assertThat(dump("\"abc\"")).isEqualTo("abc\n...\n");
    assertThat(dump("1")).isEqualTo("1\n...\n");
    assertThat(dump("null")).isEqualTo("null\n...\n");
    assertThat(dump("true")).isEqualTo("true\n...\n");
    assertThat(dump("\"a b\"")).isEqualTo("a b\n...\n");
  }

  @Test
  void quotedScalarAtTheTopHasNoMarker() {
    assertThat(dump("\"yes\"")).isEqualTo("'yes'\n");
    assertThat(dump("\"\"")).isEqualTo("''\n");
    assertThat(dump("\"12345678901234567890\"")).isEqualTo("'12345678901234567890'\n");
  }

  @Test
  void floatsAreWrittenAsPyYamlWritesThem() {
    assertThat(dump("1e20")).isEqualTo("1.0e+20\n...\n");
    assertThat(dump("1e-7")).isEqualTo("1.0e-07\n...\n");
    assertThat(dump("1.0")).isEqualTo("1.0\n...\n");
    assertThat(dump("NaN")).isEqualTo(".nan\n...\n");
    assertThat(dump("[Infinity, -Infinity]")).isEqualTo("- .inf\n- -.inf\n");
  }

  @Test
  void stringsThatWouldReadAsOtherTypesAreQuoted() {
    assertThat(
            dump(
                "[\"2024-05-01\", \"~\", \"null\", \"on\", \"0x1F\", \"1_000\", \"a: b\", \"#c\"]"))
        .isEqualTo(
            "- '2024-05-01'\n- '~'\n- 'null'\n- 'on'\n- '0x1F'\n- '1_000'\n- 'a: b'\n- '#c'\n");
  }

  @Test
  void nonAsciiIsEscaped() {
    assertThat(dump("{\"k\": \"caf\\u00e9\"}")).isEqualToIgnoringCase("k: \"caf\\xE9\"\n");
  }

  @Test
  void nestedListsAndEmptyMapping() {
    assertThat(dump("{\"nested\": [[1, 2], [3]]}")).isEqualTo("nested:\n- - 1\n  - 2\n- - 3\n");
    assertThat(dump("{}")).isEqualTo("{}\n");
  }

  @Test
  void everyDumpReadsBackAsTheSameValue() {
    Map<String, Object> value =
        Map.of(
            "multi", "line1\nline2",
            "bell", "a\u0007b",
            "numbers", List.of(1, 1.5, 1e20, Long.MAX_VALUE),
            "date", "2024-05-01");
    assertThat(SettingsYaml.parseMapping(SettingsYaml.dump(value), "test")).isEqualTo(value);
  }
}
