package dev.chaos4j.core.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the tolerances of the conformance cases recorded from the reference ({@code
 * shared/conformance} beside the project): validation verdicts and messages, and, for every
 * hypothesis probe of every recorded journal, whether its output was within its tolerance.
 */
class ReferenceConformanceTest {
  private static final Path CASES = Path.of("..", "..", "shared", "conformance");
  private static final List<String> TOLERANCE_MESSAGES =
      List.of(
          "hypothesis probe must",
          "hypothesis probe tolerance",
          "hypothesis regex",
          "hypothesis jsonpath",
          "hypothesis range");

  @TestFactory
  Stream<DynamicTest> validationMatchesTheReference() throws IOException {
    assumeTrue(Files.isDirectory(CASES), "no shared/conformance beside the project");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path caseFile : list("*.case.json")) {
      Map<?, ?> manifest = (Map<?, ?>) read(caseFile);
      Map<?, ?> expected = (Map<?, ?>) manifest.get("expected");
      Map<?, ?> validate = expected == null ? null : (Map<?, ?>) expected.get("validate");
      Path document = CASES.resolve(String.valueOf(manifest.get("document")));
      if (validate == null || !document.toString().endsWith(".json") || !Files.exists(document)) {
        continue;
      }
      String firstError = String.valueOf(validate.get("first_error")).replaceFirst("^ERROR: ", "");
      boolean toleranceError = TOLERANCE_MESSAGES.stream().anyMatch(firstError::startsWith);
      if ("valid".equals(validate.get("verdict")) || toleranceError) {
        String verdict = toleranceError ? firstError : null;
        tests.add(
            DynamicTest.dynamicTest(
                document.getFileName().toString(), () -> checkValidation(document, verdict)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(50);
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static void checkValidation(Path document, String expectedError) throws IOException {
    Object experiment = read(document);
    Map<?, ?> hypothesis = (Map<?, ?>) ((Map<?, ?>) experiment).get("steady-state-hypothesis");
    List<?> probes = hypothesis == null ? null : (List<?>) hypothesis.get("probes");
    List<Map<String, Object>> all = new ArrayList<>();
    if (probes != null) {
      probes.forEach(p -> all.add((Map<String, Object>) p));
    }
    if (expectedError == null) {
      for (Map<String, Object> probe : all) {
        assertThatCode(() -> ToleranceValidator.validateProbe(probe)).doesNotThrowAnyException();
      }
    } else {
      assertThatThrownBy(() -> all.forEach(ToleranceValidator::validateProbe))
          .isExactlyInstanceOf(InvalidActivity.class)
          .hasMessage(expectedError);
    }
  }

  @TestFactory
  Stream<DynamicTest> evaluationMatchesTheRecordedJournals() throws IOException {
    assumeTrue(Files.isDirectory(CASES), "no shared/conformance beside the project");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path journalFile : list("*.journal.json")) {
      Map<?, ?> journal = (Map<?, ?>) read(journalFile);
      Map<?, ?> experiment = (Map<?, ?>) journal.get("experiment");
      Map<?, ?> states = (Map<?, ?>) journal.get("steady_states");
      if (experiment.get("dry") != null || states == null) {
        continue; // dry runs do not check tolerances
      }
      Substitution substitution = substitution(experiment);
      for (String when : List.of("before", "after")) {
        Map<?, ?> state = (Map<?, ?>) states.get(when);
        List<?> probes = state == null ? List.of() : (List<?>) state.get("probes");
        for (Object p : probes) {
          Map<?, ?> run = (Map<?, ?>) p;
          Map<?, ?> activity = (Map<?, ?>) run.get("activity");
          Object tolerance = activity.get("tolerance");
          if (!"succeeded".equals(run.get("status"))
              || ToleranceValidator.isProbeActivity(tolerance)) {
            continue; // failed probes are not evaluated; probe tolerances need a provider
          }
          String name = journalFile.getFileName() + " " + when + " " + activity.get("name");
          tests.add(
              DynamicTest.dynamicTest(
                  name,
                  () ->
                      assertThat(
                              ToleranceEvaluator.evaluate(
                                      tolerance,
                                      run.get("output"),
                                      substitution,
                                      probe -> {
                                        throw new AssertionError("unexpected probe tolerance");
                                      })
                                  .met())
                          .as("%s: %s on %s", name, Json.compact(tolerance), run.get("output"))
                          .isEqualTo(run.get("tolerance_met"))));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(40);
    return tests.stream();
  }

  @SuppressWarnings("unchecked")
  private static Substitution substitution(Map<?, ?> experiment) {
    Object configuration = experiment.get("configuration");
    return new Substitution(
        configuration instanceof Map<?, ?> c ? (Map<String, Object>) c : null, null);
  }

  private static List<Path> list(String glob) throws IOException {
    List<Path> files = new ArrayList<>();
    try (var stream = Files.newDirectoryStream(CASES, glob)) {
      stream.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  private static Object read(Path file) throws IOException {
    try {
      return Json.parse(Files.readString(file));
    } catch (Json.SyntaxError e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
