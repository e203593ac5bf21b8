package dev.chaos4j.core.provider.http;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Idle HTTP connections kept for the next request to the same host and port (keep-alive).
 *
 * <p>A connection idle for longer than {@link #MAX_IDLE_NANOS} is not reused: servers close idle
 * connections after a while (Node.js after 5 s), and a request sent just as the server closes its
 * end gets no response. Activities further apart than that gain nothing measurable from reuse.
 */
final class ConnectionPool {
  static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(4);

  /** Idle connections kept per origin, enough for the activities a run makes in parallel. */
  private static final int MAX_IDLE_PER_ORIGIN = 8;

  private final Map<Origin, ArrayDeque<Http1Connection>> idle = new HashMap<>();

  /**
   * The most recently used idle connection to the origin that can still be used, or null.
   *
   * @param thorough whether to make sure that the server has not closed it (see {@link
   *     Http1Connection#reusable})
   */
  Http1Connection take(Origin origin, boolean thorough) {
    while (true) {
      Http1Connection connection;
      synchronized (this) {
        ArrayDeque<Http1Connection> connections = idle.get(origin);
        connection = connections == null ? null : connections.pollLast();
      }
      if (connection == null) {
        return null;
      }
      if (connection.reusable(MAX_IDLE_NANOS, thorough)) {
        return connection;
      }
      connection.close();
    }
  }

  /** Keeps a connection whose last response was read whole, for the next request. */
  void release(Http1Connection connection) {
    connection.markIdle();
    boolean kept;
    synchronized (this) {
      ArrayDeque<Http1Connection> connections =
          idle.computeIfAbsent(connection.origin(), o -> new ArrayDeque<>());
      kept = connections.size() < MAX_IDLE_PER_ORIGIN;
      if (kept) {
        connections.addLast(connection);
      }
    }
    if (!kept) {
      connection.close();
    }
  }

  /** Closes every idle connection. */
  void close() {
    synchronized (this) {
      idle.values().forEach(connections -> connections.forEach(Http1Connection::close));
      idle.clear();
    }
  }
}
