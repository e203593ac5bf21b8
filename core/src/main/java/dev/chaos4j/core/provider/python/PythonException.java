package dev.chaos4j.core.provider.python;

import java.util.List;

/**
 * An exception raised by a Python function, as the bridge reported it: the cause of the {@link
 * dev.chaos4j.core.ActivityFailed} of the activity, carrying the Python traceback for the journal.
 */
public class PythonException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> traceback;

  PythonException(String message, List<String> traceback) {
    super(message, null, false, false);
    this.traceback = List.copyOf(traceback);
  }

  /**
   * Python's {@code traceback.format_exception} lines (each ends with a newline and may hold
   * several lines), without the bridge's own frames.
   */
  public List<String> traceback() {
    return traceback;
  }
}
