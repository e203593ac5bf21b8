package dev.chaos4j.core;

/** An activity ran and failed; the run record is marked failed and the experiment carries on. */
public class ActivityFailed extends ChaosException {
  private static final long serialVersionUID = 1L;

  public ActivityFailed(String message) {
    super(message);
  }

  public ActivityFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
