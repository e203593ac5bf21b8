package dev.chaos4j.core.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.value.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ToleranceEvaluatorTest {
  private static final Substitution NONE = new Substitution(null, null);
  private static final ProbeRunner NO_PROBE =
      probe -> {
        throw new AssertionError("no probe tolerance expected");
      };

  private static Object json(String text) {
    return Json.parseTrusted(text);
  }

  private static Object process(int status, String stdout) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    out.put("stdout", stdout);
    out.put("stderr", "");
    return out;
  }

  private static Object http(int status, Object body) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    out.put("headers", Map.of("Content-Type", "text/plain"));
    out.put("body", body);
    return out;
  }

  private static ToleranceResult eval(Object tolerance, Object output) {
    return ToleranceEvaluator.evaluate(tolerance, output, NONE, NO_PROBE);
  }

  private static ToleranceResult eval(Object tolerance, Object output, Substitution s) {
    return ToleranceEvaluator.evaluate(tolerance, output, s, NO_PROBE);
  }

  private static Substitution config(String configurationJson) {
    @SuppressWarnings("unchecked")
    Map<String, Object> configuration = (Map<String, Object>) json(configurationJson);
    return new Substitution(configuration, null);
  }

  @Nested
  class Booleans {
    @Test
    void equalOutputIsMet() {
      assertThat(eval(true, true).met()).isTrue();
      assertThat(eval(false, false).met()).isTrue();
      assertThat(eval(true, false).explanation()).isEqualTo("expected True, got False");
    }

    @Test
    void oneEqualsTrueAsInPython() {
      assertThat(eval(true, 1).met()).isTrue();
      assertThat(eval(false, 0.0).met()).isTrue();
    }

    @Test
    void aProcessResultNeverEqualsABoolean() {
      ToleranceResult r = eval(true, process(0, ""));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo(
              "expected True, got {'status': 0, 'stdout': '', 'stderr': ''} (a boolean never"
                  + " equals a process or HTTP result: use the expected status instead)");
    }
  }

  @Nested
  class Integers {
    @Test
    void statusOfAProcessOrHttpResultIsCompared() {
      assertThat(eval(0, process(0, "")).met()).isTrue();
      assertThat(eval(404, http(404, "status 404")).met()).isTrue();
      ToleranceResult r = eval(200, http(503, "down"));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation()).isEqualTo("expected status 200, got 503");
    }

    @Test
    void otherOutputsAreComparedWhole() {
      assertThat(eval(3, 3).met()).isTrue();
      assertThat(eval(1, true).met()).isTrue();
      assertThat(eval(3, 3.0).met()).isTrue();
      assertThat(eval(3, "3").met()).isFalse();
      assertThat(eval(3, 4).explanation()).isEqualTo("expected 3, got 4");
    }

    @Test
    void aMappingWithoutStatusIsComparedWhole() {
      assertThat(eval(2, json("{\"count\": 2}")).met()).isFalse();
    }

    @Test
    void longAndBigIntegersCount() {
      assertThat(eval(5_000_000_000L, 5_000_000_000L).met()).isTrue();
      assertThat(eval(json("99999999999999999999"), json("99999999999999999999")).met()).isTrue();
    }
  }

  @Nested
  class Strings {
    @Test
    void equalOutputIsMet() {
      assertThat(eval("ok", "ok").met()).isTrue();
      assertThat(eval("ok", "ko").explanation()).isEqualTo("expected 'ok', got 'ko'");
    }

    @Test
    void thereIsNoStatusShortcut() {
      ToleranceResult r = eval("0", process(0, ""));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .endsWith(
              "(a string is compared with the whole result, not" + " its status: use a number)");
    }

    @Test
    void isSubstitutedAndKeepsTheValuesType() {
      Substitution s = config("{\"expected\": 3, \"word\": \"hel\", \"tol\": [200, 201]}");
      assertThat(eval("${expected}", http(3, ""), s).met()).isTrue(); // became an int: status
      assertThat(eval("${word}lo", "hello", s).met()).isTrue();
      assertThat(eval("${tol}", http(201, ""), s).met()).isTrue(); // became a list
    }

    @Test
    void mayBeSubstitutedIntoAMappingTolerance() {
      Substitution s =
          config("{\"tol\": {\"type\": \"regex\", \"pattern\": \"^${w}$\"}, \"w\": \"ok\"}");
      assertThat(eval("${tol}", "ok", s).met()).isTrue();
    }

    @Test
    void unknownNamesStayAsWritten() {
      assertThat(eval("${nope}", "${nope}").met()).isTrue();
    }
  }

  @Nested
  class Lists {
    @Test
    void statusMustBeAMember() {
      assertThat(eval(json("[200, 201]"), http(201, "")).met()).isTrue();
      assertThat(eval(json("[0, 2]"), process(1, "")).met()).isFalse(); // membership, not range
      assertThat(eval(json("[0, 1]"), process(1, "")).met()).isTrue();
      assertThat(eval(json("[200, 301, 302]"), http(404, "")).explanation())
          .isEqualTo("expected status in [200, 301, 302], got 404");
    }

    @Test
    void twoElementsAreAnInclusiveRangeForOtherOutputs() {
      assertThat(eval(json("[1, 5]"), 3).met()).isTrue();
      assertThat(eval(json("[1, 5]"), 1).met()).isTrue();
      assertThat(eval(json("[1, 5]"), 5.0).met()).isTrue();
      ToleranceResult r = eval(json("[1, 5]"), 7);
      assertThat(r.met()).isFalse();
      assertThat(r.explanation()).isEqualTo("expected a value within [1, 5], got 7");
      assertThat(eval(json("[\"a\", \"c\"]"), "b").met()).isTrue();
    }

    @Test
    void incomparableValuesAreNotMetWithTheReason() {
      ToleranceResult r = eval(json("[1, 5]"), "3");
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo(
              "expected a value within [1, 5], got '3' ('<' not supported between instances of"
                  + " 'int' and 'str')");
      // Python stops at the first false comparison: no error for the upper bound
      assertThat(eval(json("[5, \"x\"]"), 3).met()).isFalse();
    }

    @Test
    void otherSizesMeanMembership() {
      assertThat(eval(json("[1, 2, 3]"), 2).met()).isTrue();
      assertThat(eval(json("[1, 2, 3]"), 4).explanation())
          .isEqualTo("expected one of [1, 2, 3], got 4");
      assertThat(eval(json("[true]"), 1).met()).isTrue();
      assertThat(eval(json("[]"), 1).met()).isFalse();
    }

    @Test
    void isNotSubstituted() {
      Substitution s = config("{\"a\": 1}");
      assertThat(eval(json("[\"${a}\", \"x\", \"y\"]"), 1, s).met()).isFalse();
      assertThat(eval(json("[\"${a}\", \"x\", \"y\"]"), "${a}", s).met()).isTrue();
    }
  }

  @Nested
  class Regex {
    private Object regex(String pattern, String target) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("type", "regex");
      t.put("pattern", pattern);
      if (target != null) {
        t.put("target", target);
      }
      return t;
    }

    @Test
    void searchesTheTarget() {
      assertThat(eval(regex("^hel+o$", "stdout"), process(0, "hello\n")).met()).isTrue();
      assertThat(eval(regex("[0-9]{2}", "body"), http(200, "you_are_number_87")).met()).isTrue();
      ToleranceResult r = eval(regex("^ok", "stdout"), process(1, "fail\n"));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation()).isEqualTo("expected stdout to match regex '^ok', got 'fail\\n'");
    }

    @Test
    void searchesTheOutputWithoutTarget() {
      assertThat(eval(regex("Python \\d", null), "Python 3.11").met()).isTrue();
      assertThat(eval(regex("x", null), "y").explanation())
          .isEqualTo("expected the output to match regex 'x', got 'y'");
    }

    @Test
    void usesPythonSyntax() {
      assertThat(eval(regex("(?P<w>\\w+) (?P=w)\\Z", null), "bye bye").met()).isTrue();
      assertThat(eval(regex("ok\\Z", null), "ok\n").met()).isFalse();
    }

    @Test
    void patternIsSubstituted() {
      Substitution s = config("{\"word\": \"hel\"}");
      assertThat(eval(regex("^${word}lo", "stdout"), process(0, "hello"), s).met()).isTrue();
    }

    @Test
    void targetIsNotSubstituted() {
      Substitution s = config("{\"t\": \"stdout\"}");
      ToleranceResult r = eval(regex("ok", "${t}"), process(0, "ok"), s);
      assertThat(r.met()).isFalse();
      assertThat(r.explanation()).contains("(the output has no '${t}' key)");
    }

    @Test
    void aMappingCannotBeSearched() {
      ToleranceResult r = eval(regex("ok", "stdout"), json("{\"status\": 0}"));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo(
              "expected stdout to match regex 'ok', got {'status': 0}, which is not a string"
                  + " (the output has no 'stdout' key)");
    }

    @Test
    void aPatternSubstitutedIntoAnInvalidOneIsNotMet() {
      Substitution s = config("{\"p\": \"[a\", \"n\": 5}");
      assertThat(eval(regex("${p}", null), "a", s).explanation())
          .isEqualTo("regex pattern '[a' is invalid: unterminated character set");
      assertThat(eval(regex("${n}", null), "5", s).explanation())
          .isEqualTo("regex pattern 5 is not a string");
    }
  }

  @Nested
  class JsonPaths {
    private final Object body =
        json(
            "{\"status\": \"ok\", \"count\": 2, \"items\": [{\"name\": \"a\", \"up\": true},"
                + " {\"name\": \"b\", \"up\": false}]}");

    @Test
    void metWhenThePathSelectsSomething() {
      Object tol =
          json("{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.items[*].name\"}");
      assertThat(eval(tol, http(200, body)).met()).isTrue();
      Object none = json("{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.nope\"}");
      ToleranceResult r = eval(none, http(200, body));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo("expected JSON path $.nope on body to select at least one value, got none");
    }

    @Test
    void filtersApplyToTheCurrentNode() {
      Object onList =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.items[?(@.up = true)]\"}");
      Object onItems =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\","
                  + " \"path\": \"$.items[*][?(@.up = true)].name\", \"expect\": \"a\"}");
      assertThat(eval(onList, http(200, body)).met()).isFalse();
      assertThat(eval(onItems, http(200, body)).met()).isTrue();
    }

    @Test
    void withoutTargetTheWholeOutputIsSearched() {
      Object tol = json("{\"type\": \"jsonpath\", \"path\": \"$.body.count\", \"expect\": 2}");
      assertThat(eval(tol, http(200, body)).met()).isTrue();
    }

    @Test
    void aMissingTargetFallsBackOnTheWholeOutput() {
      Object tol =
          json("{\"type\": \"jsonpath\", \"target\": \"nope\", \"path\": \"$.body.status\"}");
      assertThat(eval(tol, http(200, body)).met()).isTrue();
    }

    @Test
    void stringsAreReadAsJsonWhenTheyAreJson() {
      Object tol =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.status\", \"expect\": \"ok\"}");
      assertThat(eval(tol, http(200, Json.compact(body))).met()).isTrue();
      assertThat(eval(tol, http(200, Json.compact(body).getBytes())).met()).isTrue();
      ToleranceResult notJson = eval(tol, http(200, "status: ok"));
      assertThat(notJson.met()).isFalse();
      assertThat(notJson.explanation())
          .isEqualTo(
              "expected JSON path $.status on body (a string that is not JSON) to select ['ok'],"
                  + " got none");
    }

    @Test
    void expectScalarMeansExactlyThatOneValue() {
      Object tol =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.items[*].name\","
                  + " \"expect\": \"a\"}");
      ToleranceResult r = eval(tol, http(200, body));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo("expected JSON path $.items[*].name on body to select ['a'], got ['a', 'b']");
    }

    @Test
    void expectListIsComparedWithAllValues() {
      Object tol =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.items[*].up\","
                  + " \"expect\": [1, 0]}");
      assertThat(eval(tol, http(200, body)).met()).isTrue(); // True == 1, False == 0
    }

    @Test
    void expectNullIsAnExpectation() {
      Object tol = json("{\"type\": \"jsonpath\", \"path\": \"$.a\", \"expect\": null}");
      assertThat(eval(tol, json("{\"a\": null}")).met()).isTrue();
      assertThat(eval(tol, json("{\"a\": 1}")).met()).isFalse();
    }

    @Test
    void countSetsHowManyValues() {
      Object two =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.items[*]\", \"count\": 2}");
      Object three =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.items[*].name\", \"count\": 3}");
      assertThat(eval(two, http(200, body)).met()).isTrue();
      ToleranceResult r = eval(three, http(200, body));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo(
              "expected JSON path $.items[*].name on body to select 3 value(s), got ['a', 'b']");
    }

    @Test
    void expectOverridesCount() {
      Object tol = json("{\"type\": \"jsonpath\", \"path\": \"$.a\", \"count\": 5, \"expect\": 1}");
      assertThat(eval(tol, json("{\"a\": 1}")).met()).isTrue();
    }

    @Test
    void pathAndExpectAreSubstitutedCountAndTargetAreNot() {
      Substitution s = config("{\"key\": \"status\", \"want\": \"ok\", \"n\": 1, \"t\": \"body\"}");
      Object tol =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.${key}\","
                  + " \"expect\": \"${want}\"}");
      assertThat(eval(tol, http(200, body), s).met()).isTrue();
      Object counted =
          json(
              "{\"type\": \"jsonpath\", \"target\": \"body\", \"path\": \"$.status\","
                  + " \"count\": \"${n}\"}");
      assertThat(eval(counted, http(200, body), s).met()).isFalse();
      Object targeted =
          json("{\"type\": \"jsonpath\", \"target\": \"${t}\", \"path\": \"$.count\"}");
      assertThat(eval(targeted, http(200, body), s).met()).isFalse();
    }

    @Test
    void aPathSubstitutedIntoAnInvalidOneIsNotMet() {
      Substitution s = config("{\"key\": \"[\"}");
      Object tol = json("{\"type\": \"jsonpath\", \"path\": \"$.${key}\"}");
      ToleranceResult r = eval(tol, body, s);
      assertThat(r.met()).isFalse();
      assertThat(r.explanation()).startsWith("JSON path $.[ is invalid: expected a name or '*'");
    }
  }

  @Nested
  class Ranges {
    private Object range(String bounds, String target) {
      return json(
          "{\"type\": \"range\", \"range\": "
              + bounds
              + (target == null ? "" : ", \"target\": \"" + target + "\"")
              + "}");
    }

    @Test
    void numbersAndNumericStringsWithinTheBoundsAreMet() {
      assertThat(eval(range("[10, 100]", "body"), http(200, "42")).met()).isTrue();
      assertThat(eval(range("[10, 100]", "body"), http(200, " 1_00\n")).met()).isTrue();
      assertThat(eval(range("[10, 100]", null), 10).met()).isTrue();
      assertThat(eval(range("[0, 1]", null), true).met()).isTrue();
      assertThat(eval(range("[0.5, 1.5]", null), "1e0").met()).isTrue();
      ToleranceResult r = eval(range("[10, 100]", "body"), http(200, "142"));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation()).isEqualTo("expected body within [10, 100], got '142'");
    }

    @Test
    void boundsCompareExactlyAsDecimals() {
      // Decimal(0.1) is 0.1000000000000000055511151231257827...: "0.1" is below it
      assertThat(eval(range("[0.1, 1]", null), "0.1").met()).isFalse();
      assertThat(eval(range("[0.1, 1]", null), 0.1).met()).isTrue();
    }

    @Test
    void infinitiesOrderAndNanIsNotANumber() {
      assertThat(eval(range("[0, 1]", null), "-Infinity").met()).isFalse();
      assertThat(eval(range("[0, 1e400]", null), "inf").met()).isTrue();
      assertThat(eval(range("[0, 1]", null), "nan").explanation())
          .isEqualTo("expected a value within [0, 1], got 'nan', which is not a number");
    }

    @Test
    void nonNumbersAreNotMet() {
      ToleranceResult r = eval(range("[10, 20]", "body"), http(200, "abc"));
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo("expected body within [10, 20], got 'abc', which is not a number");
      assertThat(eval(range("[0, 1]", null), process(0, "")).met()).isFalse();
      assertThat(eval(range("[0, 1]", null), null).met()).isFalse();
    }

    @Test
    void isNotSubstituted() {
      Substitution s = config("{\"lo\": 0}");
      assertThat(eval(range("[\"${lo}\", 5]", null), 1, s).explanation())
          .isEqualTo("range ['${lo}', 5] is not a pair of numbers");
    }
  }

  @Nested
  class Probes {
    private final Object tolerance =
        json(
            "{\"type\": \"probe\", \"name\": \"must-exist\", \"provider\": {\"type\": \"python\","
                + " \"module\": \"os.path\", \"func\": \"exists\", \"arguments\": {\"path\": \"/tmp\"}}}");

    @Test
    void runsACopyWithTheValueInjected() {
      List<Map<String, Object>> seen = new ArrayList<>();
      ToleranceResult r =
          ToleranceEvaluator.evaluate(
              tolerance,
              "the output",
              NONE,
              probe -> {
                seen.add(probe);
                return true;
              });
      assertThat(r.met()).isTrue();
      assertThat(Json.compact(seen.get(0)))
          .contains("\"arguments\": {\"path\": \"/tmp\", \"value\": \"the output\"}");
      assertThat(Json.compact(tolerance)).doesNotContain("value");
    }

    @Test
    void aFalsyReturnIsNotMet() {
      ToleranceResult r = ToleranceEvaluator.evaluate(tolerance, 1, NONE, probe -> List.of());
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo("expected probe 'must-exist' to return a truthy value, got []");
    }

    @Test
    void aFailingProbeIsNotMet() {
      ToleranceResult r =
          ToleranceEvaluator.evaluate(
              tolerance,
              1,
              NONE,
              probe -> {
                throw new ActivityFailed("TypeError: exists() got an unexpected keyword 'value'");
              });
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo(
              "probe tolerance 'must-exist' failed: TypeError: exists() got an unexpected"
                  + " keyword 'value'");
    }

    @Test
    void otherErrorsOfTheRunnerPropagate() {
      assertThatThrownBy(
              () ->
                  ToleranceEvaluator.evaluate(
                      tolerance,
                      1,
                      NONE,
                      probe -> {
                        throw new InterruptExecution("SIGTERM signal received");
                      }))
          .isInstanceOf(InterruptExecution.class);
    }

    @Test
    void argumentsAreCreatedWhenAbsent() {
      Object bare =
          json("{\"type\": \"probe\", \"name\": \"p\", \"provider\": {\"type\": \"python\"}}");
      Object[] value = new Object[1];
      ToleranceEvaluator.evaluate(
          bare,
          42,
          NONE,
          probe -> {
            value[0] =
                ((Map<?, ?>) ((Map<?, ?>) probe.get("provider")).get("arguments")).get("value");
            return 1;
          });
      assertThat(value[0]).isEqualTo(42);
    }

    @Test
    void listArgumentsCannotReceiveTheValue() {
      Object proc =
          json(
              "{\"type\": \"probe\", \"name\": \"p\", \"provider\": {\"type\": \"process\","
                  + " \"path\": \"test\", \"arguments\": [\"-d\", \"/tmp\"]}}");
      ToleranceResult r = ToleranceEvaluator.evaluate(proc, 1, NONE, NO_PROBE);
      assertThat(r.met()).isFalse();
      assertThat(r.explanation())
          .isEqualTo(
              "probe tolerance 'p' cannot receive the value: its provider arguments are not a"
                  + " mapping");
    }
  }

  @Nested
  class Unsupported {
    @Test
    void floatsNullAndUnknownTypesAreNotMet() {
      assertThat(eval(1.5, 1.5).explanation()).isEqualTo("tolerance 1.5 is not supported (float)");
      assertThat(eval(null, null).explanation())
          .isEqualTo("tolerance None is not supported (NoneType)");
      assertThat(eval(json("{\"type\": \"boom\"}"), 1).explanation())
          .isEqualTo("tolerance type 'boom' is unsupported");
    }
  }

  @Test
  void longOutputsAreShortenedInExplanations() {
    String big = "x".repeat(10_000);
    String explanation = eval("ok", big).explanation();
    assertThat(explanation).hasSizeLessThan(200).endsWith("... (10002 characters)");
  }

  @Test
  void explanationIsBuiltOnlyWhenAskedAndOnce() {
    ToleranceResult r = eval(200, http(200, ""));
    assertThat(r.met()).isTrue();
    assertThat(r.explanation()).isSameAs(r.explanation()).isEqualTo("expected status 200, got 200");
    assertThat(r).hasToString("met: expected status 200, got 200");
  }
}
