package dev.chaos4j.proxy.internal.net;

/**
 * Limits of the data plane.
 *
 * @param maxHeldBytes bytes one direction of a connection may hold inside its toxics before the
 *     proxy stops reading from the sender (back-pressure; reading resumes below half of it)
 * @param writeBufferLow bytes queued for a socket below which reading from the sender resumes
 * @param writeBufferHigh bytes queued for a socket above which reading from the sender pauses
 * @param maxReadBytes the most one read from a socket takes; reads grow to it while they fill their
 *     buffer (bulk transfers) and shrink back when they do not
 * @param connectTimeoutMillis how long opening the upstream side of a connection may take
 * @param closeGraceMillis how long a closing connection may take to flush what it let through
 * @param waitMillis the longest an API call waits for connections to take a change or to close
 */
public record NetSettings(
    int maxHeldBytes,
    int writeBufferLow,
    int writeBufferHigh,
    int maxReadBytes,
    int connectTimeoutMillis,
    long closeGraceMillis,
    long waitMillis) {

  /** The defaults. */
  public static final NetSettings DEFAULTS =
      new NetSettings(4 << 20, 256 << 10, 512 << 10, 256 << 10, 30_000, 5_000, 2_000);
}
