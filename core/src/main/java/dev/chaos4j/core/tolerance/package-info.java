/**
 * Tolerances of steady-state probes, as the reference defines them: validation with the reference's
 * messages ({@link dev.chaos4j.core.tolerance.ToleranceValidator}) and evaluation of a probe's
 * output against its tolerance ({@link dev.chaos4j.core.tolerance.ToleranceEvaluator}), with a
 * one-line explanation of what was expected and what came back.
 */
package dev.chaos4j.core.tolerance;
