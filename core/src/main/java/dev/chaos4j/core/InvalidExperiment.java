package dev.chaos4j.core;

/** The experiment document breaks a rule of the format. */
public class InvalidExperiment extends ChaosException {
  private static final long serialVersionUID = 1L;

  public InvalidExperiment(String message) {
    super(message);
  }

  public InvalidExperiment(String message, Throwable cause) {
    super(message, cause);
  }
}
