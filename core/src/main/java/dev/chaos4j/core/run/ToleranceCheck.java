package dev.chaos4j.core.run;

import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.tolerance.ToleranceEvaluator;
import dev.chaos4j.core.tolerance.ToleranceResult;
import java.util.Map;
import java.util.function.Function;

/** Decides whether a hypothesis probe's output is within its tolerance. */
@FunctionalInterface
public interface ToleranceCheck {

  /** The reference's tolerance kinds, with explanations of misses. */
  ToleranceCheck REFERENCE =
      (tolerance, output, substitution, probeRunner) -> {
        ToleranceResult result =
            ToleranceEvaluator.evaluate(tolerance, output, substitution, probeRunner::apply);
        return new Verdict(result.met(), result.met() ? null : result.explanation());
      };

  /**
   * @param tolerance the probe's {@code tolerance} as declared
   * @param output the probe's output
   * @param substitution the run's substitution (tolerances are partly substituted)
   * @param probeRunner runs a probe activity used as a tolerance and returns its output (throws
   *     {@link dev.chaos4j.core.ActivityFailed} when that probe fails)
   */
  Verdict check(
      Object tolerance,
      Object output,
      Substitution substitution,
      Function<Map<String, Object>, Object> probeRunner);

  /**
   * @param met whether the output is within tolerance
   * @param explanation what was expected and what came back, when not met
   */
  record Verdict(boolean met, String explanation) {}
}
