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
 * @param useOutputs substitute {@code ${outputs.NAME.path}} with earlier activities' outputs (an
 *     extension, off in the reference)
 * @param failOnActivityFailure a failed method activity fails the experiment (an extension, off in
 *     the reference)
 */
public record RunOptions(
    Dry dry,
    HypothesisStrategy hypothesisStrategy,
    double hypothesisFrequency,
    boolean failFast,
    RollbackStrategy rollbackStrategy,
    String rollbackStrategyName,
    boolean useOutputs,
    boolean failOnActivityFailure) {

  /** The reference's behaviour: no extension enabled. */
  public RunOptions(
      Dry dry,
      HypothesisStrategy hypothesisStrategy,
      double hypothesisFrequency,
      boolean failFast,
      RollbackStrategy rollbackStrategy,
      String rollbackStrategyName) {
    this(
        dry,
        hypothesisStrategy,
        hypothesisFrequency,
        failFast,
        rollbackStrategy,
        rollbackStrategyName,
        false,
        false);
  }

  /** These options with the extensions set as given. */
  public RunOptions withExtensions(boolean useOutputs, boolean failOnActivityFailure) {
    return new RunOptions(
        dry,
        hypothesisStrategy,
        hypothesisFrequency,
        failFast,
        rollbackStrategy,
        rollbackStrategyName,
        useOutputs,
        failOnActivityFailure);
  }

  /** The reference's defaults: real run, default strategies, one second between iterations. */
  public static RunOptions defaults() {
    return new RunOptions(
        null, HypothesisStrategy.DEFAULT, 1.0, false, RollbackStrategy.DEFAULT, "default");
  }
}
