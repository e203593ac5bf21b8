package dev.chaos4j.core;

/** The run must stop now (signal, control or user request); the experiment ends interrupted. */
public class InterruptExecution extends ChaosException {
  private static final long serialVersionUID = 1L;

  public InterruptExecution(String message) {
    super(message);
  }

  public InterruptExecution(String message, Throwable cause) {
    super(message, cause);
  }
}
