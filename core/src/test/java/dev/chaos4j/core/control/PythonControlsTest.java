package dev.chaos4j.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.provider.process.ProcessProvider;
import dev.chaos4j.core.provider.python.PythonBridge;
import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.run.RunEnvironment;
import dev.chaos4j.core.run.RunOptions;
import dev.chaos4j.core.run.Runner;
import dev.chaos4j.core.run.ToleranceCheck;
import dev.chaos4j.core.value.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python control modules run through the bridge, with a real python3. */
class PythonControlsTest {
  private static final String MODULE = "chaos4j_test_control";

  @TempDir Path dir;
  private Path log;
  private PythonBridge bridge;
  private ControlLoader loader;
  private final Map<String, Object> configuration = new LinkedHashMap<>(Map.of("word", "hello"));

  @BeforeAll
  static void python3IsInstalled() {
    boolean available;
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      available = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      available = false;
    }
    assumeTrue(available, "python3 is not installed");
  }

  @BeforeEach
  void startPython() throws Exception {
    log = dir.resolve("calls.jsonl");
    Path modules = Path.of(getClass().getResource("/python/" + MODULE + ".py").toURI()).getParent();
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("PYTHONPATH", modules.toString());
    environment.put("PYTHONDONTWRITEBYTECODE", "1");
    environment.put("CHAOS4J_CONTROL_LOG", log.toString());
    bridge = new PythonBridge();
    loader = new ControlLoader(List.of(), bridge, dir, environment);
  }

  @AfterEach
  void stopPython() {
    loader.close();
    bridge.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private static Map<String, Object> experiment(String arguments) {
    return json(
        """
        {"title": "py", "description": "d", "extensions": [{"name": "ext"}],
         "controls": [{"name": "py", "provider": {"type": "python", "module": "%s",
                       "arguments": %s}}],
         "steady-state-hypothesis": {"title": "h", "probes": [
           {"type": "probe", "name": "p", "provider": {"type": "process", "path": "true"},
            "tolerance": 0}]},
         "method": [
           {"type": "action", "name": "a", "provider": {"type": "process", "path": "true"}},
           {"type": "action", "name": "b", "provider": {"type": "process", "path": "true"}}],
         "rollbacks": [{"type": "action", "name": "r",
           "provider": {"type": "process", "path": "echo", "arguments": "${last_seen}"}}]}
        """
            .formatted(MODULE, arguments));
  }

  private Map<String, Object> run(Map<String, Object> experiment) {
    RunEnvironment environment =
        new RunEnvironment(configuration, new LinkedHashMap<>(), dir, System.getenv(), Map.of());
    return new Runner(
            new Providers(List.of(new ProcessProvider())),
            ToleranceCheck.REFERENCE,
            GlobalControls.of(loader))
        .run(experiment, RunOptions.defaults(), environment, new Interruption());
  }

  private List<Map<String, Object>> calls() throws Exception {
    List<Map<String, Object>> calls = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      calls.add(json(line));
    }
    return calls;
  }

  private Map<String, Object> call(String event, String name) throws Exception {
    List<Map<String, Object>> calls = calls();
    return calls.stream()
        .filter(c -> c.get("event").equals(event) && (name == null || name.equals(c.get("name"))))
        .findFirst()
        .orElseThrow(() -> new AssertionError(event + " " + name + " not called: " + calls));
  }

  @Test
  void hooksGetTheReferenceKeywordArguments() throws Exception {
    run(experiment("{\"greeting\": \"${word}\"}"));

    Map<String, Object> configure = call("configure", null);
    assertThat(configure.get("arguments")).isEqualTo(Map.of("greeting", "${word}"));
    assertThat(configure.get("title")).isEqualTo("py");
    assertThat(configure.get("settings")).isNull();
    assertThat(configure.get("configuration")).isEqualTo(Map.of("word", "hello"));

    Map<String, Object> beforeExperiment = call("before_experiment", null);
    assertThat(beforeExperiment.get("arguments"))
        .as("only the declared arguments are injected; **kwargs gets the control's own")
        .isEqualTo(List.of("greeting"));

    Map<String, Object> beforeA = call("before_activity", "a");
    assertThat(beforeA.get("arguments")).isEqualTo(Map.of("greeting", "hello"));
    assertThat(beforeA.get("extensions")).isEqualTo(List.of(Map.of("name", "ext")));
    assertThat(beforeA.get("title")).isEqualTo("py");

    assertThat(calls()).last().extracting(c -> c.get("event")).isEqualTo("cleanup");
  }

  @Test
  void whatAControlChangesComesBackIntoTheRun() {
    Map<String, Object> journal = run(experiment("{}"));

    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(journal.get("added_by_python")).isEqualTo("py");
    List<?> runs = (List<?>) journal.get("run");
    assertThat(runs).hasSize(3).last().isEqualTo("not a run record");
    Map<?, ?> first = (Map<?, ?>) runs.get(0);
    assertThat(first.get("seen_by_python")).isEqualTo("a");
    assertThat(((Map<?, ?>) first.get("activity")).get("touched_by_python")).isEqualTo(true);
    Map<?, ?> before = (Map<?, ?>) ((Map<?, ?>) journal.get("steady_states")).get("before");
    assertThat(before.get("checked_by_python")).isEqualTo("h");
    Map<?, ?> rollback = (Map<?, ?>) ((List<?>) journal.get("rollbacks")).get(0);
    assertThat(((Map<?, ?>) rollback.get("output")).get("stdout"))
        .as("the configuration the control changed is substituted")
        .isEqualTo("r\n");
    assertThat(configuration).containsEntry("last_seen", "r");
  }

  @Test
  void anInterruptExecutionRaisedInPythonInterruptsTheRun() {
    Map<String, Object> journal = run(experiment("{\"interrupt_before\": \"b\"}"));

    assertThat(journal.get("status")).isEqualTo("interrupted");
    List<Object> ran = new ArrayList<>();
    for (Object r : (List<?>) journal.get("run")) {
      if (r instanceof Map<?, ?> record) {
        ran.add(((Map<?, ?>) record.get("activity")).get("name"));
      }
    }
    assertThat(ran).containsExactly("a");
    assertThat((List<?>) journal.get("rollbacks")).isEmpty();
  }

  @Test
  void anyOtherPythonExceptionIsIgnored() {
    Map<String, Object> journal = run(experiment("{\"fail_before\": \"a\"}"));

    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat((List<?>) journal.get("run")).hasSize(3);
  }

  @Test
  void validateControlFailuresMakeTheExperimentInvalid() {
    ControlsValidator validator = new ControlsValidator(loader, activity -> {});

    assertThatThrownBy(() -> validator.check(experiment("{\"invalid\": true}")))
        .hasMessage("ValueError: this control is invalid");
    validator.check(experiment("{}"));
  }
}
