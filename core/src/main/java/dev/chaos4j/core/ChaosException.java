package dev.chaos4j.core;

/** Base of every error chaos4j reports to the user as one line, without a stack trace. */
public class ChaosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChaosException(String message) {
    super(message);
  }

  public ChaosException(String message, Throwable cause) {
    super(message, cause);
  }
}
