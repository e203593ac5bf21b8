package dev.chaos4j.middleware;

/**
 * An attack that cannot be installed: malformed, or outside the guardrails of the configuration.
 * The message is one line naming the field at fault.
 */
public class InvalidAttackException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An attack refused for the reason given. */
  public InvalidAttackException(String message) {
    super(message);
  }
}
