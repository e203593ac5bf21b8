package dev.chaos4j.core.spi;

/** Whether a function observes the system (probe) or changes it (action). */
public enum ActivityType {
  PROBE,
  ACTION;

  /** The lower-case name used in experiments and discovery documents. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
