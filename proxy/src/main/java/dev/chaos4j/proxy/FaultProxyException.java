package dev.chaos4j.proxy;

/**
 * The fault proxy could not start or load its configuration. The message is one line saying what
 * and where, fit to show a user.
 */
public final class FaultProxyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} (may be null). */
  public FaultProxyException(String message, Throwable cause) {
    super(message, cause);
  }
}
