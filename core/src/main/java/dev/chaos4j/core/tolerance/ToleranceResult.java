package dev.chaos4j.core.tolerance;

import java.util.function.Supplier;

/**
 * Whether a probe's output is within its tolerance, and a one-line explanation of what was expected
 * and what came back (e.g. {@code expected status 200, got 503}), for the log when it is not. The
 * explanation is only built when asked for, so evaluating big outputs costs nothing extra.
 */
public final class ToleranceResult {
  private final boolean met;
  private Supplier<String> explain;
  private String explanation;

  private ToleranceResult(boolean met, Supplier<String> explain) {
    this.met = met;
    this.explain = explain;
  }

  static ToleranceResult of(boolean met, Supplier<String> explain) {
    return new ToleranceResult(met, explain);
  }

  static ToleranceResult notMet(String explanation) {
    return new ToleranceResult(false, () -> explanation);
  }

  /** True when the output is within the tolerance. */
  public boolean met() {
    return met;
  }

  /** What was expected and what came back, on one line, long values shortened. */
  public synchronized String explanation() {
    if (explanation == null) {
      explanation = explain.get();
      explain = null;
    }
    return explanation;
  }

  @Override
  public String toString() {
    return (met ? "met: " : "not met: ") + explanation();
  }
}
