package dev.chaos4j.core.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.jsonpath.JsonPathException;
import dev.chaos4j.core.value.Json;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToleranceValidatorTest {

  private static Object json(String text) {
    return Json.parseTrusted(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> probe(String text) {
    return (Map<String, Object>) json(text);
  }

  private static void assertInvalid(String tolerance, String message) {
    assertThatThrownBy(() -> ToleranceValidator.validate(json(tolerance)))
        .isExactlyInstanceOf(InvalidActivity.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "true",
        "false",
        "0",
        "200",
        "99999999999999999999",
        "\"ok\"",
        "\"${expected}\"",
        "[]",
        "[200, 201]",
        "[0, 1, 2]",
        "{\"type\": \"regex\", \"pattern\": \"^hel+o$\", \"target\": \"stdout\"}",
        "{\"type\": \"regex\", \"pattern\": \"(?P<w>\\\\w+) (?P=w)\\\\Z\"}",
        "{\"type\": \"regex\", \"pattern\": \"${pattern}\"}",
        "{\"type\": \"jsonpath\", \"path\": \"$.items[*][?(@.up = true)].name\"}",
        "{\"type\": \"jsonpath\", \"path\": \"  $.status  \", \"expect\": \"ok\"}",
        "{\"type\": \"range\", \"range\": [10, 100], \"target\": \"body\"}",
        "{\"type\": \"range\", \"range\": [true, 2.5]}",
        "{\"type\": \"probe\", \"name\": \"p\"}"
      })
  void acceptsWhatTheReferenceAccepts(String tolerance) {
    assertThatCode(() -> ToleranceValidator.validate(json(tolerance))).doesNotThrowAnyException();
  }

  @Test
  void aProbeWithoutToleranceIsRefused() {
    assertThatThrownBy(
            () -> ToleranceValidator.validateProbe(probe("{\"type\": \"probe\", \"name\": \"p\"}")))
        .isExactlyInstanceOf(InvalidActivity.class)
        .hasMessage("hypothesis probe must have a tolerance entry");
  }

  @Test
  void aProbeWithAValidToleranceIsAccepted() {
    assertThatCode(() -> ToleranceValidator.validateProbe(probe("{\"tolerance\": 0}")))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "null", "0.0"})
  void floatsAndNullAreRefused(String tolerance) {
    assertInvalid(
        tolerance,
        "hypothesis probe tolerance must either be an integer, a string, a boolean or a pair of"
            + " values for boundaries. It can also be a dictionary which is a probe activity"
            + " definition that takes an argument called `value` with the value of the probe"
            + " itself to be validated");
  }

  @Test
  void aNullToleranceOfAProbeIsRefusedAsAType() {
    assertThatThrownBy(() -> ToleranceValidator.validateProbe(probe("{\"tolerance\": null}")))
        .hasMessageStartingWith("hypothesis probe tolerance must either be an integer");
  }

  @Test
  void unknownTypesAreNamed() {
    assertInvalid("{\"type\": \"boom\"}", "hypothesis probe tolerance type 'boom' is unsupported");
    assertInvalid("{}", "hypothesis probe tolerance type 'None' is unsupported");
    assertInvalid("{\"type\": 3}", "hypothesis probe tolerance type '3' is unsupported");
  }

  @Test
  void regexNeedsAPattern() {
    assertInvalid(
        "{\"type\": \"regex\", \"target\": \"stdout\"}",
        "hypothesis regex probe tolerance must have a `pattern` key");
  }

  @Test
  void regexPatternMustBeAString() {
    assertInvalid(
        "{\"type\": \"regex\", \"pattern\": 42}",
        "hypothesis probe tolerance pattern 42 has an invalid type");
    assertInvalid(
        "{\"type\": \"regex\", \"pattern\": null}",
        "hypothesis probe tolerance pattern None has an invalid type");
  }

  @Test
  void invalidRegexGivesPythonsReason() {
    assertInvalid(
        "{\"type\": \"regex\", \"pattern\": \"[0-9\"}",
        "hypothesis probe tolerance pattern [0-9 seems invalid: unterminated character set");
    assertInvalid(
        "{\"type\": \"regex\", \"pattern\": \"(a\"}",
        "hypothesis probe tolerance pattern (a seems invalid: missing ), unterminated subpattern");
    assertThatThrownBy(
            () -> ToleranceValidator.validate(json("{\"type\": \"regex\", \"pattern\": \"*\"}")))
        .hasCauseInstanceOf(PatternSyntaxException.class);
  }

  @Test
  void jsonPathNeedsAPath() {
    assertInvalid(
        "{\"type\": \"jsonpath\"}", "hypothesis jsonpath probe tolerance must have a `path` key");
  }

  @Test
  void jsonPathCannotBeEmptyOrBlank() {
    assertInvalid(
        "{\"type\": \"jsonpath\", \"path\": \"\"}",
        "hypothesis probe tolerance JSON path cannot be empty");
    assertInvalid(
        "{\"type\": \"jsonpath\", \"path\": \" \\n\\u00a0\"}",
        "hypothesis probe tolerance JSON path cannot be empty");
  }

  @Test
  void invalidJsonPathIsNamedStrippedWithTheReasonAsCause() {
    assertThatThrownBy(
            () ->
                ToleranceValidator.validate(
                    json("{\"type\": \"jsonpath\", \"path\": \" $.items[?(@.up == true)] \"}")))
        .isExactlyInstanceOf(InvalidActivity.class)
        .hasMessage("hypothesis probe tolerance JSON path $.items[?(@.up == true)] is invalid")
        .cause()
        .isInstanceOf(JsonPathException.class)
        .hasMessageContaining("compare with a single '='");
  }

  @Test
  void jsonPathIsCheckedBeforeSubstitution() {
    assertInvalid(
        "{\"type\": \"jsonpath\", \"path\": \"$.${key}\"}",
        "hypothesis probe tolerance JSON path $.${key} is invalid");
  }

  @Test
  void nonStringJsonPathHasAnInvalidType() {
    assertInvalid(
        "{\"type\": \"jsonpath\", \"path\": 3}",
        "hypothesis probe tolerance JSON path 3 has an invalid type");
  }

  @Test
  void rangeChecksComeInTheReferencesOrder() {
    assertInvalid(
        "{\"type\": \"range\"}", "hypothesis range probe tolerance must have a `range` key");
    assertInvalid(
        "{\"type\": \"range\", \"range\": \"1-2\"}", "hypothesis range must be a sequence");
    assertInvalid(
        "{\"type\": \"range\", \"range\": [1, 2, 3]}",
        "hypothesis range sequence must be made of two values");
    assertInvalid(
        "{\"type\": \"range\", \"range\": [\"a\", \"b\"]}",
        "hypothesis range lower boundary must be a number");
    assertInvalid(
        "{\"type\": \"range\", \"range\": [6, \"b\"]}",
        "hypothesis range upper boundary must be a number");
  }

  @Test
  void probeTolerancesAreLeftToTheActivityValidator() {
    Object probe = json("{\"type\": \"probe\"}");
    assertThatCode(() -> ToleranceValidator.validate(probe)).doesNotThrowAnyException();
    assertThat(ToleranceValidator.isProbeActivity(probe)).isTrue();
    assertThat(ToleranceValidator.isProbeActivity(json("{\"type\": \"regex\"}"))).isFalse();
    assertThat(ToleranceValidator.isProbeActivity("probe")).isFalse();
  }
}
