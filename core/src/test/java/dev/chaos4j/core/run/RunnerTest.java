package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerTest {
  private final FakeProvider fake = new FakeProvider();

  /** Tolerance = the expected output itself. */
  private final ToleranceCheck equality =
      (tolerance, output, substitution, probeRunner) ->
          new ToleranceCheck.Verdict(Py.eq(tolerance, output), "expected " + tolerance);

  private final Runner runner = new Runner(new Providers(List.of(fake)), equality);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> activity(String type, String name, String provider) {
    return (Map<String, Object>)
        Json.parseTrusted(
            "{\"type\": \""
                + type
                + "\", \"name\": \""
                + name
                + "\", \"provider\": {\"type\": \"fake\""
                + (provider.isEmpty() ? "" : ", " + provider)
                + "}}");
  }

  private static Map<String, Object> probe(String name, String provider, Object tolerance) {
    Map<String, Object> p = activity("probe", name, provider);
    p.put("tolerance", tolerance);
    return p;
  }

  private static Map<String, Object> experiment(
      List<Map<String, Object>> hypothesis,
      List<Map<String, Object>> method,
      List<Map<String, Object>> rollbacks) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("title", "t");
    e.put("description", "d");
    if (hypothesis != null) {
      e.put("steady-state-hypothesis", Map.of("title", "h", "probes", new ArrayList<>(hypothesis)));
    }
    e.put("method", new ArrayList<>(method));
    e.put("rollbacks", new ArrayList<>(rollbacks));
    return e;
  }

  private Map<String, Object> run(Map<String, Object> experiment, RunOptions options) {
    RunEnvironment env =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), Path.of("."), System.getenv(), Map.of());
    return runner.run(experiment, options, env, new Interruption());
  }

  private static RunOptions rollbacks(RollbackStrategy strategy) {
    return new RunOptions(null, HypothesisStrategy.DEFAULT, 1.0, false, strategy, strategy.label());
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Map<String, Object> journal, String key) {
    List<String> out = new ArrayList<>();
    for (Object r : (List<Object>) journal.get(key)) {
      out.add(
          (String) ((Map<String, Object>) ((Map<String, Object>) r).get("activity")).get("name"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> state(Map<String, Object> journal, String when) {
    return (Map<String, Object>) ((Map<String, Object>) journal.get("steady_states")).get(when);
  }

  @Test
  void completedRunHasTheReferenceJournalShape() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(probe("p", "\"output\": 1", 1)),
                List.of(activity("action", "a", "")),
                List.of(activity("action", "r", ""))),
            RunOptions.defaults());
    assertThat(journal.keySet())
        .containsExactly(
            "chaoslib-version",
            "platform",
            "node",
            "experiment",
            "start",
            "status",
            "deviated",
            "steady_states",
            "run",
            "rollbacks",
            "end",
            "duration");
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(journal.get("deviated")).isEqualTo(false);
    assertThat(state(journal, "before").get("steady_state_met")).isEqualTo(true);
    assertThat(state(journal, "after").get("steady_state_met")).isEqualTo(true);
    assertThat(fake.calls).containsExactly("p", "a", "p", "r");
    @SuppressWarnings("unchecked")
    Map<String, Object> record = (Map<String, Object>) ((List<?>) journal.get("run")).get(0);
    assertThat(record.keySet())
        .containsExactly("activity", "output", "start", "status", "end", "duration");
  }

  @Test
  void hypothesisMissedBeforeSkipsTheMethodButStaysCompletedAndPlaysRollbacks() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(probe("p", "\"output\": 2", 1)),
                List.of(activity("action", "a", "")),
                List.of(activity("action", "r", ""))),
            RunOptions.defaults());
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(journal.get("deviated")).isEqualTo(false);
    assertThat(names(journal, "run")).isEmpty();
    assertThat(names(journal, "rollbacks")).containsExactly("r");
  }

  @Test
  void failingProbeBeforeFailsTheExperimentAndSkipsDefaultRollbacks() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(probe("p", "\"fail\": \"boom\"", 1)),
                List.of(activity("action", "a", "")),
                List.of(activity("action", "r", ""))),
            RunOptions.defaults());
    assertThat(journal.get("status")).isEqualTo("failed");
    assertThat(names(journal, "rollbacks")).isEmpty();
    Map<?, ?> probe = (Map<?, ?>) ((List<?>) state(journal, "before").get("probes")).get(0);
    assertThat(probe.get("tolerance_met")).isEqualTo(false);
    assertThat(probe.get("exception"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
        .containsExactly("chaoslib.exceptions.ActivityFailed: boom\n");
  }

  @Test
  void deviationAfterTheMethodMarksTheJournal() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(probe("p", "\"output\": 1", 1), probe("q", "\"output\": 1", 1)),
                List.of(activity("action", "a", "")),
                List.of(activity("action", "r", ""))),
            rollbacks(RollbackStrategy.DEVIATED));
    // same outputs before and after: not deviated, so the deviated strategy plays nothing
    assertThat(journal.get("deviated")).isEqualTo(false);
    assertThat(names(journal, "rollbacks")).isEmpty();
  }

  @Test
  void failingMethodActivitiesDoNotFailTheExperiment() {
    Map<String, Object> journal =
        run(
            experiment(
                null,
                List.of(activity("action", "a", "\"fail\": \"nope\""), activity("action", "b", "")),
                List.of()),
            RunOptions.defaults());
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(fake.calls).containsExactly("a", "b");
  }

  @Test
  void unexpectedErrorAbortsTheMethodAndStillPlaysDefaultRollbacks() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(probe("p", "\"output\": 1", 1)),
                List.of(activity("action", "a", "\"crash\": \"bad\""), activity("action", "b", "")),
                List.of(activity("action", "r", ""))),
            RunOptions.defaults());
    assertThat(journal.get("status")).isEqualTo("aborted");
    assertThat(fake.calls).containsExactly("p", "a", "r");
    @SuppressWarnings("unchecked")
    Map<String, Object> record = (Map<String, Object>) ((List<?>) journal.get("run")).get(0);
    assertThat(record.containsKey("status")).isFalse();
    assertThat(state(journal, "after")).isNull();
  }

  @Test
  void unexpectedErrorInTheHypothesisAbortsWithAJournalAndPlaysDefaultRollbacks() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(probe("p", "\"crash\": \"bad json\"", 1)),
                List.of(activity("action", "a", "")),
                List.of(activity("action", "r", ""))),
            RunOptions.defaults());
    assertThat(journal.get("status")).isEqualTo("aborted");
    assertThat(fake.calls).containsExactly("p", "r");
    assertThat(journal).containsKeys("end", "duration");
  }

  @Test
  void rollbackStrategiesDecideWhetherRollbacksPlay() {
    Map<String, Object> e =
        experiment(
            null, List.of(activity("action", "a", "")), List.of(activity("action", "r", "")));
    assertThat(names(run(Json.deepCopy(e), rollbacks(RollbackStrategy.NEVER)), "rollbacks"))
        .isEmpty();
    assertThat(names(run(Json.deepCopy(e), rollbacks(RollbackStrategy.ALWAYS)), "rollbacks"))
        .containsExactly("r");
    RunOptions unknown =
        new RunOptions(null, HypothesisStrategy.DEFAULT, 1.0, false, null, "sometimes");
    assertThat(names(run(Json.deepCopy(e), unknown), "rollbacks")).isEmpty();
  }

  @Test
  void refsRunTheReferencedActivity() {
    Map<String, Object> e =
        experiment(
            List.of(probe("p", "\"output\": 1", 1)),
            List.of(new LinkedHashMap<>(Map.of("ref", "p"))),
            List.of());
    Map<String, Object> journal = run(e, RunOptions.defaults());
    assertThat(names(journal, "run")).containsExactly("p");
  }

  @Test
  void backgroundActivitiesRunConcurrentlyAndTheMethodWaitsForThem() {
    // each waits until both run at once, then takes a while more: run one after the other, they
    // would fail; not waited for, they would be missing from the journal and unfinished
    Map<String, Object> slow1 = activity("action", "s1", "\"meet\": 2, \"sleep\": 0.2");
    slow1.put("background", true);
    Map<String, Object> slow2 = activity("action", "s2", "\"meet\": 2, \"sleep\": 0.2");
    slow2.put("background", true);
    Map<String, Object> journal =
        run(
            experiment(null, List.of(slow1, slow2, activity("action", "f", "")), List.of()),
            RunOptions.defaults());
    assertThat(fake.finished).containsExactlyInAnyOrder("s1", "s2", "f");
    assertThat(names(journal, "run")).containsExactlyInAnyOrder("s1", "s2", "f");
    assertThat(journal.get("status")).isEqualTo("completed");
  }

  @Test
  void dryActivitiesCallNoProviderAndKeepTolerancesMet() {
    RunOptions dry =
        new RunOptions(
            Dry.ACTIVITIES,
            HypothesisStrategy.DEFAULT,
            1.0,
            false,
            RollbackStrategy.DEFAULT,
            "default");
    Map<String, Object> journal =
        run(
            experiment(
                List.of(probe("p", "\"output\": 2", 1)),
                List.of(activity("action", "a", "")),
                List.of()),
            dry);
    assertThat(fake.calls).isEmpty();
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(state(journal, "before").get("steady_state_met")).isEqualTo(true);
  }

  @Test
  void dryActionsRunOnlyProbes() {
    RunOptions dry =
        new RunOptions(
            Dry.ACTIONS,
            HypothesisStrategy.DEFAULT,
            1.0,
            false,
            RollbackStrategy.DEFAULT,
            "default");
    run(
        experiment(
            List.of(probe("p", "\"output\": 1", 1)),
            List.of(activity("action", "a", ""), activity("probe", "m", "")),
            List.of()),
        dry);
    assertThat(fake.calls).containsExactly("p", "m", "p");
  }

  @Test
  void strategiesChooseWhenTheHypothesisRuns() {
    Map<String, Object> e =
        experiment(
            List.of(probe("p", "\"output\": 1", 1)),
            List.of(activity("action", "a", "")),
            List.of());
    RunOptions before =
        new RunOptions(
            null,
            HypothesisStrategy.BEFORE_METHOD_ONLY,
            1.0,
            false,
            RollbackStrategy.DEFAULT,
            "default");
    Map<String, Object> journal = run(Json.deepCopy(e), before);
    assertThat(state(journal, "before")).isNotNull();
    assertThat(state(journal, "after")).isNull();
    fake.calls.clear();
    RunOptions during =
        new RunOptions(
            null,
            HypothesisStrategy.DURING_METHOD_ONLY,
            0.05,
            false,
            RollbackStrategy.DEFAULT,
            "default");
    Map<String, Object> e2 =
        experiment(
            List.of(probe("p", "\"output\": 1", 1)),
            List.of(activity("action", "a", "\"sleep\": 0.3")),
            List.of());
    journal = run(e2, during);
    assertThat(state(journal, "before")).isNull();
    assertThat(state(journal, "after")).isNull();
    assertThat((List<?>) ((Map<?, ?>) journal.get("steady_states")).get("during"))
        .hasSizeGreaterThan(1);
  }

  @Test
  void interruptionStopsTheRunningActivityAndSkipsDefaultRollbacks() throws Exception {
    Interruption interruption = new Interruption();
    Map<String, Object> e =
        experiment(
            null,
            List.of(activity("action", "long", "\"sleep\": 30"), activity("action", "next", "")),
            List.of(activity("action", "r", "")));
    Thread stopper = interruptOnceStarted("long", interruption, Interruption.Kind.SIGINT, "Ctrl-C");
    long t0 = System.nanoTime();
    RunEnvironment env =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), Path.of("."), System.getenv(), Map.of());
    Map<String, Object> journal = runner.run(e, RunOptions.defaults(), env, interruption);
    stopper.join();
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(fake.calls).containsExactly("long");
    assertThat(names(journal, "rollbacks")).isEmpty();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void interruptionWithTheAlwaysStrategyStillPlaysRollbacks() throws Exception {
    Interruption interruption = new Interruption();
    Map<String, Object> e =
        experiment(
            null,
            List.of(activity("action", "long", "\"sleep\": 30")),
            List.of(activity("action", "r", "")));
    Thread stopper =
        interruptOnceStarted("long", interruption, Interruption.Kind.SIGTERM, "SIGTERM");
    RunEnvironment env =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), Path.of("."), System.getenv(), Map.of());
    Map<String, Object> journal =
        runner.run(e, rollbacks(RollbackStrategy.ALWAYS), env, interruption);
    stopper.join();
    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(names(journal, "rollbacks")).containsExactly("r");
  }

  @Test
  void aSecondInterruptionDuringRollbacksSaysWhichRollbacksAreLeftUndone() throws Exception {
    Interruption interruption = new Interruption();
    Map<String, Object> e =
        experiment(
            null,
            List.of(activity("action", "long", "\"sleep\": 30")),
            List.of(
                activity("action", "undo-1", "\"sleep\": 30"), activity("action", "undo-2", "")));
    Thread first = interruptOnceStarted("long", interruption, Interruption.Kind.SIGINT, "Ctrl-C");
    Thread second =
        interruptOnceStarted("undo-1", interruption, Interruption.Kind.SIGINT, "Ctrl-C again");
    RunEnvironment env =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), Path.of("."), System.getenv(), Map.of());
    try (dev.chaos4j.core.testing.LogCapture log =
        dev.chaos4j.core.testing.LogCapture.ofAllThreads()) {
      Map<String, Object> journal =
          runner.run(e, rollbacks(RollbackStrategy.ALWAYS), env, interruption);
      first.join();
      second.join();
      assertThat(journal.get("status")).isEqualTo("interrupted");
      assertThat(fake.calls).containsExactly("long", "undo-1");
      assertThat(log.messages(dev.chaos4j.core.log.Level.ERROR))
          .anySatisfy(
              m ->
                  assertThat(m)
                      .contains("Rollbacks left undone")
                      .contains("interrupted [undo-1]")
                      .contains("not started [undo-2]"));
    }
  }

  @Test
  void ungracefulExitNeverPlaysRollbacks() throws Exception {
    Interruption interruption = new Interruption();
    Map<String, Object> e =
        experiment(
            null,
            List.of(activity("action", "long", "\"sleep\": 30")),
            List.of(activity("action", "r", "")));
    Thread stopper =
        interruptOnceStarted("long", interruption, Interruption.Kind.UNGRACEFUL, "USR2");
    RunEnvironment env =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), Path.of("."), System.getenv(), Map.of());
    Map<String, Object> journal =
        runner.run(e, rollbacks(RollbackStrategy.ALWAYS), env, interruption);
    stopper.join();
    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(names(journal, "rollbacks")).isEmpty();
  }

  /**
   * Starts a thread that requests an interruption once the activity of that name is running (or
   * after 10 s, so that a run which never starts it still ends).
   */
  private Thread interruptOnceStarted(
      String name, Interruption interruption, Interruption.Kind kind, String reason) {
    Thread stopper =
        new Thread(
            () -> {
              try {
                fake.awaitStart(name, Duration.ofSeconds(10));
              } catch (InterruptedException ignored) {
                return;
              }
              interruption.request(kind, reason);
            });
    stopper.start();
    return stopper;
  }
}
