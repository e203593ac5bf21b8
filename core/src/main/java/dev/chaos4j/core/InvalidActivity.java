package dev.chaos4j.core;

/** An activity of the experiment breaks a rule of the format. */
public class InvalidActivity extends InvalidExperiment {
  private static final long serialVersionUID = 1L;

  public InvalidActivity(String message) {
    super(message);
  }

  public InvalidActivity(String message, Throwable cause) {
    super(message, cause);
  }
}
