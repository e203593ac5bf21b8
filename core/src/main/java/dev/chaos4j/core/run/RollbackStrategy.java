package dev.chaos4j.core.run;

import java.util.Locale;
import java.util.Optional;

/** When rollbacks are played. */
public enum RollbackStrategy {
  /** Unless the experiment failed or was interrupted. */
  DEFAULT,
  /** Always, even after an interruption (except an ungraceful exit). */
  ALWAYS,
  /** Never. */
  NEVER,
  /** Only when the steady state deviated after the method. */
  DEVIATED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a strategy name. */
  public static Optional<RollbackStrategy> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (RollbackStrategy s : values()) {
      if (s.label().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
