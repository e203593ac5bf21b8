package dev.chaos4j.proxy.internal;

/** One direction of a proxied connection. */
public enum Direction {
  /** From the client to the upstream server. */
  UPSTREAM,
  /** From the upstream server back to the client. */
  DOWNSTREAM;

  /** The API's name for it, also the metrics label. */
  public String label() {
    return this == UPSTREAM ? "upstream" : "downstream";
  }
}
