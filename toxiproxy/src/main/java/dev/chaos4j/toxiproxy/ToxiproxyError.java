package dev.chaos4j.toxiproxy;

import dev.chaos4j.core.ChaosException;

/**
 * A call to the Toxiproxy API that did not succeed: the server answered with an error status (its
 * own message and the status are in the message), or it could not be reached in time.
 */
public final class ToxiproxyError extends ChaosException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ToxiproxyError(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the server answered with, or 0 when no answer came. */
  public int status() {
    return status;
  }

  /** Whether the server answered at all (with an error status). */
  public boolean answered() {
    return status > 0;
  }

  /** Whether the server said the proxy or toxic does not exist. */
  public boolean notFound() {
    return status == 404;
  }
}
