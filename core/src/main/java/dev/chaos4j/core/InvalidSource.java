package dev.chaos4j.core;

/** The experiment source cannot be read: missing file, unsupported scheme, unparseable document. */
public class InvalidSource extends ChaosException {
  private static final long serialVersionUID = 1L;

  public InvalidSource(String message) {
    super(message);
  }

  public InvalidSource(String message, Throwable cause) {
    super(message, cause);
  }
}
