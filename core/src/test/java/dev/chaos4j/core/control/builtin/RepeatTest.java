package dev.chaos4j.core.control.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.control.GlobalControls;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.provider.process.ProcessProvider;
import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.run.RunEnvironment;
import dev.chaos4j.core.run.RunOptions;
import dev.chaos4j.core.run.Runner;
import dev.chaos4j.core.run.ToleranceCheck;
import dev.chaos4j.core.value.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repeat control with real process activities. */
class RepeatTest {
  @TempDir Path dir;

  private static String repeat(String arguments) {
    return "[{\"name\": \"repeat-me\", \"provider\": {\"type\": \"python\","
        + " \"module\": \"chaosaddons.controls.repeat\", \"arguments\": "
        + arguments
        + "}}]";
  }

  /** A process action appending a line to {@code calls.txt}; {@code extra} provider fields. */
  private static String counted(String name, String script, String controls) {
    return "{\"type\": \"action\", \"name\": \""
        + name
        + "\", \"provider\": {\"type\": \"process\", \"path\": \"sh\", \"timeout\": 0.5,"
        + " \"arguments\": [\"-c\", \"echo "
        + name
        + " >> calls.txt; "
        + script
        + "\"]}"
        + (controls.isEmpty() ? "" : ", \"controls\": " + controls)
        + "}";
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run(String hypothesisProbes, String method) {
    Map<String, Object> experiment =
        (Map<String, Object>)
            Json.parseTrusted(
                "{\"title\": \"t\", \"description\": \"d\","
                    + (hypothesisProbes.isEmpty()
                        ? ""
                        : "\"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": ["
                            + hypothesisProbes
                            + "]},")
                    + " \"method\": ["
                    + method
                    + "]}");
    RunEnvironment environment =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), dir, System.getenv(), Map.of());
    return new Runner(
            new Providers(List.of(new ProcessProvider())),
            ToleranceCheck.REFERENCE,
            GlobalControls.none())
        .run(experiment, RunOptions.defaults(), environment, new Interruption());
  }

  private List<String> calls() throws Exception {
    return Files.readAllLines(dir.resolve("calls.txt"));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> iterations(List<?> records) {
    List<Object> out = new ArrayList<>();
    for (Object r : records) {
      Map<String, Object> activity =
          (Map<String, Object>) ((Map<String, Object>) r).get("activity");
      out.add(activity.get("name") + "#" + activity.getOrDefault("iteration_index", 0));
    }
    return out;
  }

  @Test
  void anActivityRunsRepeatCountTimesEachWithItsJournalEntry() throws Exception {
    Map<String, Object> journal =
        run(
            "",
            counted("a", "true", repeat("{\"repeat_count\": 3}"))
                + ", "
                + counted("b", "true", ""));

    assertThat(calls()).containsExactly("a", "a", "a", "b");
    assertThat(iterations((List<?>) journal.get("run")))
        .containsExactly("a#0", "a#1", "a#2", "b#0");
    Map<?, ?> experiment = (Map<?, ?>) journal.get("experiment");
    assertThat((List<?>) experiment.get("method")).as("the copies show in the journal").hasSize(4);
  }

  @Test
  void aFailedIterationEndsTheRepetitionWhenAsked() throws Exception {
    // the second call outlives the 0.5 s timeout: that iteration fails
    String slowSecondTime = "[ $(wc -l < calls.txt) -ge 2 ] && sleep 5; true";
    Map<String, Object> journal =
        run(
            "",
            counted(
                "a",
                slowSecondTime,
                repeat("{\"repeat_count\": 4, \"break_if_previous_iteration_failed\": true}")));

    assertThat(calls()).containsExactly("a", "a");
    List<?> records = (List<?>) journal.get("run");
    assertThat(iterations(records)).containsExactly("a#0", "a#1");
    assertThat(((Map<?, ?>) records.get(1)).get("status")).isEqualTo("failed");
  }

  @Test
  void withoutBreakEveryIterationRunsEvenAfterAFailure() throws Exception {
    String slowSecondTime = "[ $(wc -l < calls.txt) -eq 2 ] && sleep 5; true";
    run("", counted("a", slowSecondTime, repeat("{\"repeat_count\": 3}")));

    assertThat(calls()).containsExactly("a", "a", "a");
  }

  @Test
  void aRepeatedHypothesisProbeDoesNotGrowFromOneEvaluationToTheNext() throws Exception {
    String probe =
        "{\"type\": \"probe\", \"name\": \"p\", \"tolerance\": 0, \"provider\": {\"type\":"
            + " \"process\", \"path\": \"true\"}, \"controls\": "
            + repeat("{\"repeat_count\": 2}")
            + "}";
    Map<String, Object> journal = run(probe, counted("m", "true", ""));

    Map<?, ?> states = (Map<?, ?>) journal.get("steady_states");
    assertThat(iterations((List<?>) ((Map<?, ?>) states.get("before")).get("probes")))
        .containsExactly("p#0", "p#1");
    assertThat(iterations((List<?>) ((Map<?, ?>) states.get("after")).get("probes")))
        .containsExactly("p#0", "p#1");
  }

  @Test
  void aRepeatCountBelowTwoRunsTheActivityOnce() throws Exception {
    run("", counted("a", "true", repeat("{\"repeat_count\": 1}")));

    assertThat(calls()).containsExactly("a");
  }
}
