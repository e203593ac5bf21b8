package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.value.Py;
import java.time.Duration;
import java.util.List;

/**
 * The connect and read timeouts of one HTTP activity, read from the provider's {@code timeout}: a
 * number of seconds for both, or a {@code [connect, read]} pair, as python-requests takes them.
 *
 * <p>The reference waits forever when no timeout is given; chaos4j bounds every wait, so a missing
 * value falls back to {@link #DEFAULT_CONNECT} and {@link #DEFAULT_READ}.
 *
 * @param connect how long establishing the connection may take
 * @param read how long the server may stay silent: before the response headers, then between two
 *     chunks of the body
 */
record HttpTimeouts(Duration connect, Duration read) {
  /** Connect timeout when the activity gives none. */
  static final Duration DEFAULT_CONNECT = Duration.ofSeconds(30);

  /** Read timeout when the activity gives none. */
  static final Duration DEFAULT_READ = Duration.ofMinutes(5);

  private static final double MAX_SECONDS = 1e9;

  static final HttpTimeouts DEFAULTS = new HttpTimeouts(DEFAULT_CONNECT, DEFAULT_READ);

  /**
   * Reads a (substituted) {@code timeout} value.
   *
   * @throws ChaosException when the value is neither a positive number nor a pair of them
   */
  static HttpTimeouts parse(Object value) {
    if (value == null) {
      return DEFAULTS;
    }
    if (value instanceof List<?> pair) {
      if (pair.size() != 2) {
        throw invalid(value);
      }
      return new HttpTimeouts(
          seconds(pair.get(0), DEFAULT_CONNECT, value), seconds(pair.get(1), DEFAULT_READ, value));
    }
    Duration both = seconds(value, null, value);
    return new HttpTimeouts(both, both);
  }

  private static Duration seconds(Object value, Duration fallback, Object whole) {
    if (value == null && fallback != null) {
      return fallback;
    }
    double seconds;
    if (value instanceof Number n) {
      seconds = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        seconds = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw invalid(whole);
      }
    } else {
      throw invalid(whole);
    }
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new ChaosException(
          "HTTP timeout must be greater than 0 seconds, got " + Py.repr(whole));
    }
    // beyond ~30 years a timeout means "no timeout"; the cap keeps deadline arithmetic in range
    return Duration.ofNanos(Math.max(1, Math.round(Math.min(seconds, MAX_SECONDS) * 1e9)));
  }

  private static ChaosException invalid(Object value) {
    return new ChaosException(
        "HTTP timeout must be a number of seconds or a [connect, read] pair, got "
            + Py.repr(value));
  }
}
