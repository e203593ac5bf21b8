package dev.chaos4j.core.run;

import java.util.Locale;
import java.util.Optional;

/** When the steady-state hypothesis is evaluated relative to the method. */
public enum HypothesisStrategy {
  DEFAULT("default"),
  BEFORE_METHOD_ONLY("before-method-only"),
  AFTER_METHOD_ONLY("after-method-only"),
  DURING_METHOD_ONLY("during-method-only"),
  CONTINUOUSLY("continuously"),
  /** Reachable only through a {@code runtime} block: the hypothesis is never evaluated. */
  SKIP("skip");

  private final String label;

  HypothesisStrategy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses a strategy name; the reference's misspelt {@code continously} is accepted. */
  public static Optional<HypothesisStrategy> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("continously")) {
      return Optional.of(CONTINUOUSLY);
    }
    for (HypothesisStrategy s : values()) {
      if (s.label.equals(n)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  boolean before() {
    return this == DEFAULT || this == BEFORE_METHOD_ONLY || this == CONTINUOUSLY;
  }

  boolean during() {
    return this == DURING_METHOD_ONLY || this == CONTINUOUSLY;
  }

  boolean after() {
    return this == DEFAULT || this == AFTER_METHOD_ONLY || this == CONTINUOUSLY;
  }
}
