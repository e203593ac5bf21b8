package dev.chaos4j.core.settings;

/**
 * The {@code runtime} block of the settings: the default strategies of a run, which the
 * experiment's own {@code runtime} block and then the command line override. Values are kept as
 * written; the engine decides what an unknown strategy means.
 *
 * @param hypothesisStrategy {@code runtime.hypothesis.strategy}, or null when not set
 * @param rollbacksStrategy {@code runtime.rollbacks.strategy}, or null when not set
 */
public record RuntimeSettings(String hypothesisStrategy, String rollbacksStrategy) {

  /** No strategy set. */
  public static final RuntimeSettings NONE = new RuntimeSettings(null, null);
}
