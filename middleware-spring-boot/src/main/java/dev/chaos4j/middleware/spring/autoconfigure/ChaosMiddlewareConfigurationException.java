package dev.chaos4j.middleware.spring.autoconfigure;

/**
 * The {@code chaos4j.middleware.*} properties cannot start the middleware: a value outside the
 * rules, an invalid attack, or an admin port that cannot be bound. The message is one line naming
 * the property; the application does not start.
 */
public class ChaosMiddlewareConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by a one-line message. */
  public ChaosMiddlewareConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
