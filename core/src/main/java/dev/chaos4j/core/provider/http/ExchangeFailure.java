package dev.chaos4j.core.provider.http;

/**
 * Why one request got no response, in the terms the provider reports: the transports translate
 * their own exceptions into these.
 */
final class ExchangeFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure the provider tells apart. */
  enum Kind {
    /** No connection could be made (refused, unknown host, connect timeout); may be retried. */
    CONNECT,
    /** The server stayed silent for longer than the read timeout. */
    TIMEOUT,
    /** The connection was made but the exchange failed (lost connection, TLS, bad response). */
    BROKEN,
    /** The request cannot be made at all (a value the transport refuses). */
    UNUSABLE
  }

  private final Kind kind;

  ExchangeFailure(Kind kind, String reason, Throwable cause) {
    super(reason, cause, false, false);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
