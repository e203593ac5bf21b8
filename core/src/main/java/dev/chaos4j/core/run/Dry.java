package dev.chaos4j.core.run;

import java.util.Locale;

/** The {@code --dry} modes: which providers are not called and which pauses are skipped. */
public enum Dry {
  /** Probes are not executed; their pauses are skipped. */
  PROBES,
  /** Actions are not executed; their pauses are skipped. */
  ACTIONS,
  /** No provider is called, no pause is taken, tolerances are not checked. */
  ACTIVITIES,
  /** Everything runs but pauses are skipped. */
  PAUSE;

  /** The value written in the journal's {@code experiment.dry} and accepted by {@code --dry}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether an activity of this type is skipped (no provider call). */
  public boolean skips(String activityType) {
    return switch (this) {
      case ACTIVITIES -> true;
      case PROBES -> "probe".equals(activityType);
      case ACTIONS -> "action".equals(activityType);
      case PAUSE -> false;
    };
  }

  /** Whether the pauses of an activity of this type are skipped. */
  public boolean skipsPauses(String activityType) {
    return this == PAUSE || skips(activityType);
  }

  /** Whether hypothesis tolerances are evaluated (not when probes are skipped). */
  public boolean checksTolerances() {
    return this != ACTIVITIES && this != PROBES;
  }
}
