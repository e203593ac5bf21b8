package dev.chaos4j.core.log;

/** Log levels of the reference (Python's logging levels, CRITICAL included). */
public enum Level {
  DEBUG,
  INFO,
  WARNING,
  ERROR,
  CRITICAL;

  /** Whether a record of this level passes a threshold. */
  public boolean atLeast(Level threshold) {
    return compareTo(threshold) >= 0;
  }
}
