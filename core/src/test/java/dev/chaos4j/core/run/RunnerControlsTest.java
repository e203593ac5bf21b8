package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.ControlCall;
import dev.chaos4j.core.control.GlobalControls;
import dev.chaos4j.core.control.RecordingControls;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.value.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Controls around every level of a run: which apply, in which order, with which arguments. */
class RunnerControlsTest {
  private final FakeProvider fake = new FakeProvider();
  private final RecordingControls recorder = new RecordingControls();
  private final RunEnvironment environment =
      new RunEnvironment(
          new LinkedHashMap<>(Map.of("greeting", "hello")),
          new LinkedHashMap<>(),
          Path.of("."),
          System.getenv(),
          Map.of("from", "settings"));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  /** A declaration of the recording control; extra provider fields, then extra control fields. */
  private static String control(String name, String provider, String fields) {
    return "{\"name\": \""
        + name
        + "\", \"provider\": {\"type\": \"python\", \"module\": \""
        + RecordingControls.MODULE
        + "\""
        + (provider.isEmpty() ? "" : ", " + provider)
        + "}"
        + (fields.isEmpty() ? "" : ", " + fields)
        + "}";
  }

  private static String control(String name) {
    return control(name, "", "");
  }

  private static String action(String name, String provider, String fields) {
    return "{\"type\": \"action\", \"name\": \""
        + name
        + "\", \"provider\": {\"type\": \"fake\""
        + (provider.isEmpty() ? "" : ", " + provider)
        + "}"
        + (fields.isEmpty() ? "" : ", " + fields)
        + "}";
  }

  /** Probe p, method a (as given, or a plain action) then b, rollback r; top-level controls. */
  private static Map<String, Object> experiment(String topLevelControls, String a) {
    return json(
        """
        {"title": "t", "description": "d",
         "controls": [%s],
         "steady-state-hypothesis": {"title": "h", "probes": [
           {"type": "probe", "name": "p", "provider": {"type": "fake", "output": 1},
            "tolerance": 1}]},
         "method": [%s, %s],
         "rollbacks": [%s]}
        """
            .formatted(
                topLevelControls,
                a.isEmpty() ? action("a", "", "") : a,
                action("b", "", ""),
                action("r", "", "")));
  }

  private Map<String, Object> run(
      Map<String, Object> experiment, GlobalControls globals, RunOptions options) {
    return new Runner(new Providers(List.of(fake)), ToleranceCheck.REFERENCE, globals)
        .run(experiment, options, environment, new Interruption());
  }

  private Map<String, Object> run(Map<String, Object> experiment) {
    return run(experiment, GlobalControls.of(recorder.loader()), RunOptions.defaults());
  }

  private GlobalControls global(String name, String provider) {
    Map<String, Object> declaration = json(control(name, provider, ""));
    declaration.remove("name");
    return GlobalControls.load(recorder.loader(), Map.of(name, declaration), List.of());
  }

  private static RunOptions always() {
    return new RunOptions(
        null, HypothesisStrategy.DEFAULT, 1.0, false, RollbackStrategy.ALWAYS, "always");
  }

  @Test
  void aTopLevelControlSurroundsEveryLevelInTheReferenceOrder() {
    Map<String, Object> journal = run(experiment(control("c"), ""));

    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(recorder.events)
        .containsExactly(
            "c configure",
            "c before experiment t",
            "c before hypothesis h",
            "c before activity p",
            "c after activity p",
            "c after hypothesis h",
            "c before method t",
            "c before activity a",
            "c after activity a",
            "c before activity b",
            "c after activity b",
            "c after method t",
            "c before hypothesis h",
            "c before activity p",
            "c after activity p",
            "c after hypothesis h",
            "c before rollback t",
            "c before activity r",
            "c after activity r",
            "c after rollback t",
            "c after experiment t",
            "c cleanup");
  }

  @Test
  void eachHookGetsTheReferenceContextAndState() {
    Map<String, Object> experiment = experiment(control("c"), "");
    Map<String, Object> journal = run(experiment);

    ControlCall configure = call("c configure");
    assertThat(configure.level()).isNull();
    assertThat(configure.experiment()).isSameAs(experiment);
    assertThat(configure.settings()).as("experiment controls get no settings").isNull();
    assertThat(configure.runtime()).isNotNull();

    ControlCall beforeExperiment = call("c before experiment t");
    assertThat(beforeExperiment.context()).isSameAs(experiment);
    assertThat(beforeExperiment.state()).isNull();
    assertThat(beforeExperiment.configuration()).isSameAs(environment.configuration());
    assertThat(beforeExperiment.secrets()).isSameAs(environment.secrets());
    assertThat(beforeExperiment.settings()).containsEntry("from", "settings");
    assertThat(call("c after experiment t").state()).isSameAs(journal);

    Map<?, ?> hypothesis = (Map<?, ?>) experiment.get("steady-state-hypothesis");
    assertThat(call("c before hypothesis h").context()).isSameAs(hypothesis);
    Object before = ((Map<?, ?>) journal.get("steady_states")).get("before");
    assertThat(call("c after hypothesis h").state()).isSameAs(before);

    assertThat(call("c after method t").state()).isSameAs(journal.get("run"));
    assertThat(call("c after rollback t").state()).isSameAs(journal.get("rollbacks"));

    Object a = ((List<?>) experiment.get("method")).get(0);
    assertThat(call("c before activity a").context()).isSameAs(a);
    assertThat(call("c before activity a").state()).isNull();
    assertThat(call("c after activity a").state()).isSameAs(((List<?>) journal.get("run")).get(0));
  }

  @Test
  void argumentsAreSubstitutedForHooksButNotForConfigure() {
    run(experiment(control("c", "\"arguments\": {\"say\": \"${greeting} world\"}", ""), ""));

    assertThat(call("c configure").arguments()).containsEntry("say", "${greeting} world");
    assertThat(call("c before activity a").arguments()).containsEntry("say", "hello world");
  }

  @Test
  void scopeRestrictsAControlToOneSide() {
    run(
        experiment(
            control("early", "", "\"scope\": \"before\"")
                + ","
                + control("late", "", "\"scope\": \"after\""),
            ""));

    assertThat(recorder.eventsOf("activity"))
        .filteredOn(e -> e.endsWith(" a"))
        .containsExactly("early before activity a", "late after activity a");
  }

  @Test
  void activityLevelAppliesAutomaticTopLevelControlsThenItsOwnEachOnce() {
    // the reference's ordering test: tc1, tc2 (automatic false), tc3 + lc1 -> tc1, tc3, lc1
    String top =
        control("tc1") + "," + control("tc2", "", "\"automatic\": false") + "," + control("tc3");
    run(experiment(top, action("a", "", "\"controls\": [" + control("lc1") + "]")));

    assertThat(recorder.events)
        .filteredOn(e -> e.endsWith("before activity a"))
        .containsExactly("tc1 before activity a", "tc3 before activity a", "lc1 before activity a");
    assertThat(recorder.events)
        .filteredOn(e -> e.endsWith("before experiment t"))
        .as("the experiment level applies every top-level control")
        .containsExactly(
            "tc1 before experiment t", "tc2 before experiment t", "tc3 before experiment t");
    assertThat(recorder.events)
        .filteredOn(e -> e.endsWith("before method t"))
        .containsExactly("tc1 before method t", "tc3 before method t");
  }

  @Test
  void aRefPullsANonAutomaticTopLevelControlIntoItsActivityOnly() {
    String a = action("a", "", "\"controls\": [{\"name\": \"use-it\", \"ref\": \"manual\"}]");
    run(experiment(control("manual", "", "\"automatic\": false"), a));

    assertThat(recorder.events)
        .filteredOn(e -> e.startsWith("manual before activity"))
        .containsExactly("manual before activity a");
  }

  @Test
  void anActivityRedeclaringATopLevelControlByNameReplacesIt() {
    String mine = control("c", "\"arguments\": {\"mine\": true}", "");
    run(experiment(control("c"), action("a", "", "\"controls\": [" + mine + "]")));

    List<ControlCall> atA =
        recorder.calls.stream()
            .filter(
                c ->
                    c.level() == Control.Level.ACTIVITY
                        && "a".equals(((Map<?, ?>) c.context()).get("name")))
            .toList();
    assertThat(atA).hasSize(2).allMatch(c -> Boolean.TRUE.equals(c.arguments().get("mine")));
  }

  @Test
  void globalControlsComeFirstAtEveryLevelAndGetTheSettings() {
    run(experiment(control("c"), ""), global("g", ""), RunOptions.defaults());

    assertThat(recorder.events)
        .filteredOn(e -> e.endsWith("before activity a") || e.endsWith("before method t"))
        .containsExactly(
            "g before method t", "c before method t", "g before activity a", "c before activity a");
    assertThat(call("g configure").settings()).containsEntry("from", "settings");
    assertThat(recorder.events).endsWith("c cleanup", "g cleanup");
  }

  @Test
  void aControlInterruptingTheRunEndsItInterruptedWithoutDefaultRollbacks() {
    String interrupting =
        control("c", "\"arguments\": {\"interrupt_at\": \"before activity a\"}", "");
    Map<String, Object> journal = run(experiment(interrupting, ""));

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(fake.calls).containsExactly("p");
    assertThat((List<?>) journal.get("rollbacks")).isEmpty();
    assertThat(recorder.events)
        .as("after hooks still run, the experiment's too")
        .contains("c after activity a", "c after method t", "c after experiment t", "c cleanup");
  }

  @Test
  void aControlInterruptingTheRunStillLetsTheAlwaysStrategyRollBack() {
    String interrupting =
        control("c", "\"arguments\": {\"interrupt_at\": \"after activity a\"}", "");
    Map<String, Object> journal =
        run(experiment(interrupting, ""), GlobalControls.of(recorder.loader()), always());

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(fake.calls).containsExactly("p", "a", "r");
  }

  @Test
  void aFailingControlIsIgnored() {
    String failing = control("c", "\"arguments\": {\"fail_at\": \"before activity a\"}", "");
    Map<String, Object> journal = run(experiment(failing, ""));

    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(fake.calls).containsExactly("p", "a", "b", "p", "r");
  }

  @Test
  void aGlobalControlThatCannotConfigureItselfIsNotAppliedButAnExperimentOneStillIs() {
    String failing = "\"arguments\": {\"configure_fails\": true}";
    run(experiment(control("c", failing, ""), ""), global("g", failing), RunOptions.defaults());

    assertThat(recorder.events).filteredOn(e -> e.startsWith("g ")).containsExactly("g configure");
    assertThat(recorder.events).contains("c before activity a");
  }

  @Test
  void backgroundActivitiesAndRollbacksAreSurroundedToo() {
    run(experiment(control("c"), action("a", "\"sleep\": 0.05", "\"background\": true")));

    assertThat(recorder.events)
        .contains("c before activity a", "c after activity a", "c after activity r");
  }

  @Test
  void eachContinuousIterationIsSurroundedByHypothesisControls() {
    RunOptions continuously =
        new RunOptions(
            null,
            HypothesisStrategy.CONTINUOUSLY,
            0.05,
            false,
            RollbackStrategy.DEFAULT,
            "default");
    Map<String, Object> journal =
        run(
            experiment(control("c"), action("a", "\"sleep\": 0.3", "")),
            GlobalControls.of(recorder.loader()),
            continuously);

    int during = ((List<?>) ((Map<?, ?>) journal.get("steady_states")).get("during")).size();
    assertThat(during).isPositive();
    assertThat(recorder.events.stream().filter(e -> e.equals("c after hypothesis h")).count())
        .as("before, after, and each iteration during the method")
        .isEqualTo(during + 2L);
  }

  @Test
  void aControlChangingTheConfigurationIsSeenByLaterSubstitutions() {
    Map<String, Object> experiment =
        experiment(
            control("c", "\"arguments\": {\"set_configuration\": {\"pause\": \"0\"}}", ""), "");
    @SuppressWarnings("unchecked")
    Map<String, Object> rollback =
        (Map<String, Object>) ((List<?>) experiment.get("rollbacks")).get(0);
    rollback.put("pauses", json("{\"after\": \"${pause}\"}"));

    Map<String, Object> journal = run(experiment);

    assertThat(journal.get("status"))
        .as("an unresolved '${pause}' would abort")
        .isEqualTo("completed");
    assertThat(environment.configuration()).containsEntry("pause", "0");
  }

  /** The call recorded for an event. */
  private ControlCall call(String event) {
    List<String> events = List.copyOf(recorder.events);
    int i = events.indexOf(event);
    assertThat(i).as(event + " in " + events).isNotNegative();
    long cleanupsBefore = events.subList(0, i).stream().filter(e -> e.endsWith(" cleanup")).count();
    return recorder.calls.get(i - (int) cleanupsBefore);
  }
}
