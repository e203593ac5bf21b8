package dev.chaos4j.core;

/** A control declaration breaks a rule of the format. */
public class InvalidControl extends InvalidExperiment {
  private static final long serialVersionUID = 1L;

  public InvalidControl(String message) {
    super(message);
  }

  public InvalidControl(String message, Throwable cause) {
    super(message, cause);
  }
}
