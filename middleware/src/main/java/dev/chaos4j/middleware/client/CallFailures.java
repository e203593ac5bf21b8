package dev.chaos4j.middleware.client;

import java.io.IOException;

/**
 * An attack's exception as an HTTP client call reports it, for every client adapter: I/O and
 * unchecked exceptions as they are (a client wraps an I/O exception as it does a real network
 * failure), another checked exception (from a custom allow-list) as the cause of an {@link
 * IOException}, the only checked exception a call declares.
 */
public final class CallFailures {
  private CallFailures() {}

  /** The failure a call completes with (asynchronous calls). */
  public static Throwable of(Throwable t) {
    if (t instanceof IOException || t instanceof RuntimeException || t instanceof Error) {
      return t;
    }
    return new IOException(t.getMessage(), t);
  }

  /**
   * The failure for a synchronous call to throw: returned when it is an {@link IOException}, thrown
   * from here when it is unchecked.
   */
  public static IOException thrown(Throwable t) {
    Throwable failure = of(t);
    if (failure instanceof IOException io) {
      return io;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    throw (Error) failure;
  }
}
