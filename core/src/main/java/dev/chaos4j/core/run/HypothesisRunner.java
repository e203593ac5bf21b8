package dev.chaos4j.core.run;

import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.RunControls;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.Providers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the steady-state hypothesis once: runs its probes in order and checks each output
 * against its tolerance, stopping at the first probe that fails or misses.
 */
final class HypothesisRunner {
  private static final Log LOG = Log.of(HypothesisRunner.class);

  private final ActivityRunner activities;
  private final Providers providers;
  private final RunEnvironment environment;
  private final ToleranceCheck tolerances;
  private final Dry dry;
  private final RunControls controls;

  HypothesisRunner(
      ActivityRunner activities,
      Providers providers,
      RunEnvironment environment,
      ToleranceCheck tolerances,
      Dry dry,
      RunControls controls) {
    this.activities = activities;
    this.providers = providers;
    this.environment = environment;
    this.tolerances = tolerances;
    this.dry = dry;
    this.controls = controls;
  }

  /**
   * The hypothesis state, {@code {"steady_state_met": bool, "probes": [run records]}}, evaluated
   * between the hypothesis controls (whose after hooks get this state).
   */
  Map<String, Object> evaluate(Map<String, Object> hypothesis, RefResolver refs) {
    LOG.info("Steady state hypothesis: " + hypothesis.get("title"));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("steady_state_met", null);
    List<Object> runs = new ArrayList<>();
    state.put("probes", runs);
    try {
      controls.before(Control.Level.HYPOTHESIS, hypothesis);
      return probe(hypothesis, refs, state, runs);
    } finally {
      controls.after(Control.Level.HYPOTHESIS, hypothesis, state);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> probe(
      Map<String, Object> hypothesis,
      RefResolver refs,
      Map<String, Object> state,
      List<Object> runs) {
    if (hypothesis.get("probes") instanceof List<?> list) {
      // by index: a control may add probes as they run (the repeat control)
      for (int i = 0; ; i++) {
        Object item;
        synchronized (list) {
          if (i >= list.size()) {
            break;
          }
          item = list.get(i);
        }
        Map<String, Object> probe = refs.resolve((Map<String, Object>) item);
        Map<String, Object> run = activities.execute(probe, runs);
        if (!"succeeded".equals(run.get("status"))) {
          run.put("tolerance_met", false);
          state.put("steady_state_met", false);
          LOG.warning("Probe terminated unexpectedly, so its tolerance could not be validated");
          return state;
        }
        run.put("tolerance_met", true);
        if (dry != null && !dry.checksTolerances()) {
          continue;
        }
        ToleranceCheck.Verdict verdict =
            probe.containsKey("tolerance")
                ? tolerances.check(
                    probe.get("tolerance"),
                    run.get("output"),
                    new Substitution(environment.configuration(), environment.secrets()),
                    this::runToleranceProbe)
                : ImplicitTolerance.check(probe, run.get("output"));
        if (!verdict.met()) {
          run.put("tolerance_met", false);
          state.put("steady_state_met", false);
          LOG.critical(
              "Steady state probe '"
                  + probe.get("name")
                  + "' is not in the given tolerance so failing this experiment"
                  + (verdict.explanation() == null ? "" : ": " + verdict.explanation()));
          return state;
        }
      }
    }
    state.put("steady_state_met", true);
    LOG.info("Steady state hypothesis is met!");
    return state;
  }

  /** Runs a probe declared as a tolerance; its failure means the tolerance is not met. */
  private Object runToleranceProbe(Map<String, Object> probe) {
    return providers.run(probe, environment.providerContext());
  }
}
