package dev.chaos4j.core.provider.process;

import static dev.chaos4j.core.provider.process.ProcessActivities.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real programs run through the provider: arguments, output, environment, directory. */
class ProcessProviderRunTest {
  private static final String EXIT_WARNING =
      "This process returned a non-zero exit code. This may indicate some error and not what you"
          + " expected. Please have a look at the logs.";

  @TempDir Path dir;
  private final ProcessProvider provider = new ProcessProvider();
  private LogCapture log;

  @BeforeEach
  void record() {
    log = LogCapture.ofThisThread();
  }

  @AfterEach
  void stopRecording() {
    log.close();
  }

  @Test
  void outputHasStatusStdoutAndStderr() {
    Map<String, Object> output =
        run("{\"path\": \"sh\", \"arguments\": [\"-c\", \"echo out; echo err >&2; exit 3\"]}");
    assertThat(output)
        .containsExactly(
            Map.entry("status", 3), Map.entry("stdout", "out\n"), Map.entry("stderr", "err\n"));
  }

  @Test
  void aNonZeroExitIsWarnedAboutOnlyWithoutTolerance() {
    run("{\"path\": \"false\"}");
    assertThat(log.warnings()).containsExactly(EXIT_WARNING);

    var probe = probe("{\"path\": \"false\"}");
    probe.put("tolerance", 1);
    provider.run(probe, ProviderContext.empty(dir));
    assertThat(log.warnings()).hasSize(1);
  }

  @Test
  void listArgumentsAreFormattedAsPythonWithNullAndEmptyOnesDropped() {
    Map<String, Object> output =
        run("{\"path\": \"echo\", \"arguments\": [\"a\", \"\", null, 3, true, 1.0, [1, \"x\"]]}");
    assertThat(output.get("stdout")).isEqualTo("a 3 True 1.0 [1, 'x']\n");
  }

  @Test
  void mappingArgumentsGiveKeysAndValuesInTurn() {
    Map<String, Object> output =
        run("{\"path\": \"printf\", \"arguments\": {\"%s-%s\\n\": null, \"a\": \"b\"}}");
    assertThat(output.get("stdout")).isEqualTo("a-b\n");
  }

  @Test
  void aStringArgumentIsRunByTheShell() {
    Map<String, Object> output =
        run("{\"path\": \"echo\", \"arguments\": \"one 'two  three' | tr a-z A-Z\"}");
    assertThat(output.get("stdout")).isEqualTo("ONE TWO  THREE\n");
  }

  @Test
  void aStringArgumentWorksForAProgramWhosePathHasSpaces() throws Exception {
    Scripts.write(dir.resolve("my tools/say.sh"), "echo \"said: $*\"");
    Map<String, Object> output =
        run("{\"path\": \"./my tools/say.sh\", \"arguments\": \"hello   world\"}");
    assertThat(output.get("stdout")).isEqualTo("said: hello world\n");
  }

  @Test
  void argumentsAreSubstitutedOnlyWhenTheRunHasConfigurationOrSecrets() {
    String json = "{\"path\": \"echo\", \"arguments\": [\"${word}\", \"$$\", \"${token}\"]}";
    ProviderContext context =
        new ProviderContext(
            Map.of("word", "chaos"), Map.of("vault", Map.of("token", "t0k")), dir, System.getenv());
    assertThat(provider.run(probe(json), context))
        .extracting(o -> ((Map<?, ?>) o).get("stdout"))
        .isEqualTo("chaos $ t0k\n");
    assertThat(run(json).get("stdout")).isEqualTo("${word} $$ ${token}\n");
  }

  @Test
  void theChildRunsInTheWorkingDirectoryWithTheRunsEnvironment() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("GREETING", "from a var file");
    ProviderContext context = new ProviderContext(Map.of(), Map.of(), dir, env);
    Map<?, ?> output =
        (Map<?, ?>)
            provider.run(
                probe(
                    Map.of(
                        "path",
                        "sh",
                        "arguments",
                        List.of("-c", "pwd; echo \"$GREETING\"; echo \"${HOME:-no home}\""))),
                context);
    assertThat(output.get("stdout")).isEqualTo(dir.toRealPath() + "\nfrom a var file\nno home\n");
  }

  @Test
  void aChildOfARunInThisProcesssDirectoryStartsThere() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    ProviderContext context = new ProviderContext(Map.of(), Map.of(), here, System.getenv());
    Map<?, ?> output = (Map<?, ?>) provider.run(probe(Map.of("path", "pwd")), context);
    assertThat(output.get("stdout")).isEqualTo(here.toRealPath() + "\n");
  }

  @Test
  void aRelativeProgramPathIsResolvedAgainstTheWorkingDirectory() throws Exception {
    Scripts.write(dir.resolve("bin/hello.sh"), "echo hello from $0");
    assertThat(run("{\"path\": \"bin/hello.sh\"}").get("stdout"))
        .isEqualTo("hello from " + dir.resolve("bin/hello.sh").toAbsolutePath() + "\n");
  }

  @Test
  void largeOutputsOnBothStreamsAreReadWhole() {
    // stderr first: a reader of stdout alone would leave the child blocked on a full stderr pipe
    Map<String, Object> output =
        run(
            "{\"path\": \"sh\", \"arguments\": [\"-c\", \"yes e | head -c 3000000 >&2;"
                + " yes o | head -c 3000000\"], \"timeout\": 60}");
    assertThat(output.get("status")).isEqualTo(0);
    assertThat((String) output.get("stderr")).hasSize(3_000_000).startsWith("e\ne\n");
    assertThat((String) output.get("stdout")).hasSize(3_000_000).startsWith("o\no\n");
  }

  @Test
  void outputBeyondTheCaptureLimitIsDroppedWithAWarning() {
    ProcessProvider limited = new ProcessProvider(1000);
    Map<?, ?> output =
        (Map<?, ?>)
            limited.run(
                probe("{\"path\": \"sh\", \"arguments\": [\"-c\", \"yes o | head -c 50000\"]}"),
                ProviderContext.empty(dir));
    assertThat(output.get("status")).isEqualTo(0);
    assertThat((String) output.get("stdout")).hasSize(1000);
    assertThat(log.warnings())
        .containsExactly(
            "process activity 'p' wrote more than 1000 bytes on one of its streams; only the"
                + " first ones are kept");
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedWithAWarning() {
    Map<String, Object> output = run("{\"path\": \"printf\", \"arguments\": [\"\\\\377ok\"]}");
    assertThat(output.get("stdout")).isEqualTo("\ufffdok");
    assertThat(log.warnings())
        .containsExactly(
            "process activity 'p' wrote bytes on its stdout that are not UTF-8; they are replaced"
                + " with U+FFFD");
  }

  @Test
  void utf8OutputIsDecoded() {
    assertThat(run("{\"path\": \"printf\", \"arguments\": [\"caf\u00e9 \u2713\"]}").get("stdout"))
        .isEqualTo("caf\u00e9 \u2713");
  }

  @Test
  void aProgramThatVanishedSinceValidationAbortsTheRun() throws Exception {
    Path script = Scripts.write(dir.resolve("bin/once.sh"), "true");
    var activity = probe("{\"path\": \"bin/once.sh\"}");
    provider.validate(activity, ProviderContext.empty(dir));
    Files.delete(script);
    assertThatThrownBy(() -> provider.run(activity, ProviderContext.empty(dir)))
        .isExactlyInstanceOf(ChaosException.class)
        .hasMessage("path 'bin/once.sh' cannot be found, in activity 'p'");
  }

  @Test
  void aProgramThatCannotBeStartedAbortsTheRun() throws Exception {
    Path script = dir.resolve("bin/orphan.sh");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/no/such/interpreter\n");
    script.toFile().setExecutable(true);
    assertThatThrownBy(() -> run("{\"path\": \"bin/orphan.sh\"}"))
        .isExactlyInstanceOf(ChaosException.class)
        .hasMessageStartingWith("cannot start " + script.toAbsolutePath() + ": ");
  }

  @Test
  void unusableArgumentsOrTimeoutAbortTheRunNamingTheActivity() {
    assertThatThrownBy(() -> run("{\"path\": \"echo\", \"arguments\": 5}"))
        .isExactlyInstanceOf(ChaosException.class)
        .hasMessage(
            "process activity 'p': process arguments must be a list, a mapping or a string, got"
                + " int: 5");
    assertThatThrownBy(() -> run("{\"path\": \"echo\", \"timeout\": \"soon\"}"))
        .isExactlyInstanceOf(ChaosException.class)
        .hasMessage("process activity 'p': timeout must be a number of seconds, got 'soon'");
  }

  @Test
  void aTimeoutMayBeWrittenAsAString() {
    assertThatThrownBy(
            () -> run("{\"path\": \"sleep\", \"arguments\": [\"5\"], \"timeout\": \"0.2\"}"))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessage("process activity took too long to complete");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run(String providerJson) {
    return (Map<String, Object>) provider.run(probe(providerJson), ProviderContext.empty(dir));
  }
}
