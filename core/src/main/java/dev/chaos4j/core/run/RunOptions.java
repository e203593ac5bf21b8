package dev.chaos4j.core.run;

/**
 * How one run is played.
 *
 * @param dry the dry mode, or null for a real run
 * @param hypothesisStrategy when the steady-state hypothesis is evaluated
 * @param hypothesisFrequency seconds waited between two continuous hypothesis evaluations
 * @param failFast stop the method at the first continuous hypothesis deviation
 * @param rollbackStrategy when rollbacks are played; null for a strategy name the reference does
 *     not know, which (as in the reference) plays no rollback
 * @param rollbackStrategyName the name as given, for the log
 */
public record RunOptions(
    Dry dry,
    HypothesisStrategy hypothesisStrategy,
    double hypothesisFrequency,
    boolean failFast,
    RollbackStrategy rollbackStrategy,
    String rollbackStrategyName) {

  /** The reference's defaults: real run, default strategies, one second between iterations. */
  public static RunOptions defaults() {
    return new RunOptions(
        null, HypothesisStrategy.DEFAULT, 1.0, false, RollbackStrategy.DEFAULT, "default");
  }
}
