package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.log.Log;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The transport of {@code http://} URLs: HTTP/1.1 over plain sockets, connections kept alive per
 * host and port.
 *
 * <p>Why not the JDK's client: in a fresh JVM, as every {@code chaos run} is, it costs about half a
 * second before the first request (its TLS context is initialised even for plain http) and more
 * than half a millisecond per request; this client costs a few milliseconds once and a fraction of
 * that per request.
 *
 * <p>A kept-alive connection that the server has closed meanwhile is noticed before use when
 * possible; when the server closes it just as a request is sent, an idempotent request is sent once
 * more on a new connection, others fail. Every connect, write and read is bounded by the call's
 * timeouts; thread interruption ends any wait at once.
 */
final class Http1Client implements Transport {
  private static final Log LOG = Log.of(HttpProvider.class);

  private final ConnectionPool pool = new ConnectionPool();

  @Override
  public Response send(Request request, HttpTimeouts timeouts, boolean verifyTls)
      throws ExchangeFailure, InterruptedException {
    Origin origin = Origin.of(request.uri());
    ByteBuffer[] message = encode(request, origin);
    long readNanos = timeouts.read().toNanos();
    // an idempotent request is simply sent again if its connection turns out to be closed: only
    // the others are worth the system calls of making sure beforehand
    Http1Connection connection = pool.take(origin, !request.idempotent());
    if (connection != null) {
      try {
        return exchange(connection, request, message, readNanos);
      } catch (StaleConnection stale) {
        if (!request.idempotent()) {
          throw broken(stale.getCause());
        }
        LOG.debug(
            "The kept-alive connection to " + origin + " was closed by the server; sending again");
        for (ByteBuffer part : message) {
          part.rewind();
        }
      }
    }
    connection = connect(origin, timeouts.connect());
    try {
      return exchange(connection, request, message, readNanos);
    } catch (StaleConnection stale) {
      throw broken(stale.getCause());
    }
  }

  /** Closes the idle connections. */
  void close() {
    pool.close();
  }

  /** The request line, the headers and the body, as they go on the wire. */
  static ByteBuffer[] encode(Request request, Origin origin) {
    StringBuilder head = new StringBuilder(256);
    head.append(request.method()).append(' ').append(target(request.uri())).append(" HTTP/1.1\r\n");
    if (request.header("Host") == null) {
      head.append("Host: ").append(origin.hostHeader()).append("\r\n");
    }
    for (Header h : request.headers()) {
      head.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    byte[] body = request.body();
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      // as python-requests: a method that may carry a body says that it carries none
      head.append("Content-Length: 0\r\n");
    }
    head.append("\r\n");
    // header values are checked to be Latin-1 (HttpCall), the request target is ASCII
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null || body.length == 0) {
      return new ByteBuffer[] {ByteBuffer.wrap(headBytes)};
    }
    if (headBytes.length + body.length <= Http1Connection.SMALL_WRITE) {
      byte[] message = Arrays.copyOf(headBytes, headBytes.length + body.length);
      System.arraycopy(body, 0, message, headBytes.length, body.length);
      return new ByteBuffer[] {ByteBuffer.wrap(message)};
    }
    return new ByteBuffer[] {ByteBuffer.wrap(headBytes), ByteBuffer.wrap(body)};
  }

  private static String target(URI uri) {
    String path = uri.getRawPath();
    String target = path == null || path.isEmpty() ? "/" : path;
    return uri.getRawQuery() == null ? target : target + "?" + uri.getRawQuery();
  }

  /** Connects to the first address of the origin that accepts. */
  private static Http1Connection connect(Origin origin, Duration timeout)
      throws ExchangeFailure, InterruptedException {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(origin.bareHost());
    } catch (UnknownHostException e) {
      throw new ExchangeFailure(
          ExchangeFailure.Kind.CONNECT, "unknown host " + origin.bareHost(), e);
    }
    ExchangeFailure failure = null;
    for (InetAddress address : addresses) {
      try {
        return Http1Connection.open(origin, new InetSocketAddress(address, origin.port()), timeout);
      } catch (SocketTimeoutException e) {
        failure = new ExchangeFailure(ExchangeFailure.Kind.CONNECT, "connection timed out", e);
      } catch (ClosedByInterruptException e) {
        throw interrupted(e);
      } catch (IOException e) {
        failure = new ExchangeFailure(ExchangeFailure.Kind.CONNECT, reason(e), e);
      }
    }
    throw failure;
  }

  /**
   * Sends the request on the connection and reads the response; keeps the connection for the next
   * request when it can carry one, closes it otherwise.
   *
   * @throws StaleConnection when a connection used before turns out to be closed by the server
   *     (nothing at all was received): the request may be sent again on a new one
   */
  private Response exchange(
      Http1Connection connection, Request request, ByteBuffer[] message, long readNanos)
      throws StaleConnection, ExchangeFailure, InterruptedException {
    boolean reused = connection.used();
    boolean keep = false;
    try {
      connection.send(message, readNanos);
      Http1Response response = Http1Response.read(connection, request.method(), readNanos);
      keep = response.keepAlive() && !closeRequested(request);
      return response.response();
    } catch (SocketTimeoutException e) {
      throw new ExchangeFailure(ExchangeFailure.Kind.TIMEOUT, reason(e), e);
    } catch (ClosedByInterruptException e) {
      throw interrupted(e);
    } catch (IOException e) {
      if (reused && connection.receivedNothing()) {
        throw new StaleConnection(e);
      }
      throw broken(e);
    } finally {
      if (keep) {
        pool.release(connection);
      } else {
        connection.close();
      }
    }
  }

  private static boolean closeRequested(Request request) {
    String option = request.header("Connection");
    return option != null && option.toLowerCase(Locale.ROOT).contains("close");
  }

  private static ExchangeFailure broken(Throwable cause) {
    return new ExchangeFailure(ExchangeFailure.Kind.BROKEN, reason(cause), cause);
  }

  private static InterruptedException interrupted(ClosedByInterruptException e) {
    InterruptedException interrupted = new InterruptedException();
    interrupted.initCause(e);
    return interrupted;
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** A request that found its kept-alive connection closed by the server. */
  private static final class StaleConnection extends Exception {
    private static final long serialVersionUID = 1L;

    StaleConnection(IOException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
