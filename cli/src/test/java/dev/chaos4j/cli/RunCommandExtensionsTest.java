package dev.chaos4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.value.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chaos run} with the opt-in extensions beyond the reference. */
class RunCommandExtensionsTest {
  @TempDir Path dir;

  /** An action that fails: it outlives its timeout (an exit code is an output, not a failure). */
  private static final String FAILING =
      "{\"type\": \"action\", \"name\": \"break\", \"provider\": {\"type\": \"process\","
          + " \"path\": \"sleep\", \"arguments\": \"30\", \"timeout\": 0.3}}";

  private static final String RESTORE =
      "{\"type\": \"action\", \"name\": \"restore\", \"provider\": {\"type\": \"process\","
          + " \"path\": \"true\"}}";

  private CliRunner.Result chaos(String runtime, String... args) throws Exception {
    Files.writeString(
        dir.resolve("experiment.json"),
        "{\"title\": \"t\", \"description\": \"d\""
            + runtime
            + ", \"method\": ["
            + FAILING
            + "], \"rollbacks\": ["
            + RESTORE
            + "]}");
    String[] all = new String[args.length + 5];
    all[0] = "--no-log-file";
    all[1] = "--change-dir";
    all[2] = dir.toString();
    all[3] = "run";
    System.arraycopy(args, 0, all, 4, args.length);
    all[all.length - 1] = "experiment.json";
    return CliRunner.run("", all);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> journal() throws Exception {
    return (Map<String, Object>) Json.parseTrusted(Files.readString(dir.resolve("journal.json")));
  }

  @Test
  void byDefaultAFailedActivityStillCompletesTheExperiment() throws Exception {
    CliRunner.Result result = chaos("");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(journal().get("status")).isEqualTo("completed");
  }

  @Test
  void theFlagFailsTheExperimentWithExitOneAndRollsBack() throws Exception {
    CliRunner.Result result = chaos("", "--fail-on-activity-failure");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(journal().get("status")).isEqualTo("failed");
    assertThat((List<?>) journal().get("rollbacks")).hasSize(1);
    assertThat(result.err()).contains("Activity 'break' failed");
  }

  @Test
  void theRuntimeKeyFailsTheExperimentToo() throws Exception {
    CliRunner.Result result = chaos(", \"runtime\": {\"fail_on_activity_failure\": true}");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(journal().get("status")).isEqualTo("failed");
  }

  @Test
  void aRuntimeSwitchThatIsNotABooleanIsOneClearLine() throws Exception {
    CliRunner.Result result = chaos(", \"runtime\": {\"outputs\": \"yes\"}");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("runtime key 'outputs' must be true or false, not 'yes'")
        .doesNotContain("\tat ");
  }

  @Test
  void aMalformedRetryBlockIsAValidationError() throws Exception {
    Files.writeString(
        dir.resolve("experiment.json"),
        "{\"title\": \"t\", \"description\": \"d\", \"method\": [{\"type\": \"probe\", \"name\":"
            + " \"p\", \"retry\": {\"count\": -1}, \"provider\": {\"type\": \"process\","
            + " \"path\": \"true\"}}]}");

    CliRunner.Result result =
        CliRunner.run(
            "", "--no-log-file", "--change-dir", dir.toString(), "run", "experiment.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("retry of activity 'p': count must be a whole number from 0 to 1000, not -1");
    assertThat(dir.resolve("journal.json")).doesNotExist();
  }
}
