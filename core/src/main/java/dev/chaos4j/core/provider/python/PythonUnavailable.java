package dev.chaos4j.core.provider.python;

import dev.chaos4j.core.ChaosException;

/**
 * The Python interpreter could not answer: it is not installed, it did not start, it crashed or it
 * stopped answering. The message is one line saying which, with the end of its error output.
 */
public class PythonUnavailable extends ChaosException {
  private static final long serialVersionUID = 1L;

  private final boolean interpreterMissing;

  PythonUnavailable(String message, boolean interpreterMissing, Throwable cause) {
    super(message, cause);
    this.interpreterMissing = interpreterMissing;
  }

  /** Whether the interpreter executable could not be found at all. */
  public boolean interpreterMissing() {
    return interpreterMissing;
  }
}
