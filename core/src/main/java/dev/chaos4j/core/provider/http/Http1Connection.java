package dev.chaos4j.core.provider.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One TCP connection to an HTTP server, with the bytes received on it and not consumed yet.
 *
 * <p>Every wait is bounded by a timeout and ends as soon as the thread is interrupted: the channel
 * is non-blocking and waits happen in a selector of the connection's own, which an interrupt wakes
 * up. (A blocking socket's read ignores interrupts; a blocking channel's has no timeout.)
 *
 * <p>A connection is used by one thread at a time.
 */
final class Http1Connection implements AutoCloseable {
  private static final int INITIAL_BUFFER = 8 * 1024;
  private static final int IGNORED = 0;

  private final Origin origin;
  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;

  /** Received bytes; those from {@code start} to {@code end} are not consumed yet. */
  private byte[] buffer = new byte[INITIAL_BUFFER];

  private ByteBuffer free = ByteBuffer.wrap(buffer);
  private int start;
  private int end;

  /** Bytes received since the last request was sent. */
  private long received;

  private long idleSince;
  private boolean used;

  private Http1Connection(Origin origin, SocketChannel channel, Selector selector)
      throws IOException {
    this.origin = origin;
    this.channel = channel;
    this.selector = selector;
    this.key = channel.register(selector, IGNORED);
  }

  /**
   * Connects to one address of the origin.
   *
   * @throws SocketTimeoutException when the connection is not made within the timeout
   * @throws IOException when it is refused or fails otherwise
   * @throws InterruptedException when the thread is interrupted meanwhile
   */
  static Http1Connection open(Origin origin, InetSocketAddress address, Duration timeout)
      throws IOException, InterruptedException {
    SocketChannel channel = SocketChannel.open();
    Selector selector = null;
    Http1Connection connection = null;
    try {
      channel.configureBlocking(false);
      // requests leave in one write; waiting for an ACK before sending more would only add latency
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      selector = Selector.open();
      connection = new Http1Connection(origin, channel, selector);
      if (!channel.connect(address)) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
          connection.await(SelectionKey.OP_CONNECT, deadline - System.nanoTime());
        } while (!channel.finishConnect());
      }
      return connection;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (connection != null) {
        connection.close();
      } else {
        closeQuietly(selector, channel);
      }
      throw e;
    }
  }

  Origin origin() {
    return origin;
  }

  /** Whether a request was already sent on this connection. */
  boolean used() {
    return used;
  }

  /** Whether nothing has been received since the last request was sent. */
  boolean receivedNothing() {
    return received == 0;
  }

  /** Notes that the connection goes back to the pool. */
  void markIdle() {
    idleSince = System.nanoTime();
  }

  /**
   * Whether an idle connection can carry another request: idle for less than {@code maxIdleNanos}
   * and, as far as can be told without waiting, still open at the other end with nothing unread.
   */
  boolean reusable(long maxIdleNanos) {
    if (System.nanoTime() - idleSince > maxIdleNanos || start != end || !channel.isOpen()) {
      return false;
    }
    try {
      free.limit(buffer.length).position(end);
      // 0: nothing to read, the server has not closed its end; -1 or data: it closed (or said
      // something unasked, such as a 408): either way not a connection to send a request on
      return channel.read(free) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Sends bytes, waiting at most {@code timeoutNanos} each time the server stops taking them.
   * Starts a new exchange: what was received before is forgotten.
   */
  void send(ByteBuffer[] data, long timeoutNanos) throws IOException, InterruptedException {
    used = true;
    received = 0;
    start = 0;
    end = 0;
    long remaining = 0;
    for (ByteBuffer b : data) {
      remaining += b.remaining();
    }
    while (remaining > 0) {
      long written = channel.write(data);
      if (written == 0) {
        await(SelectionKey.OP_WRITE, timeoutNanos);
      }
      remaining -= written;
    }
  }

  /**
   * Reads one line (ended by LF, an optional CR before it dropped) as Latin-1 text.
   *
   * @return the line, or null when the server closed the connection before sending any of it
   * @throws ProtocolException when the line is longer than {@code maxLength}
   * @throws IOException when the connection closes in the middle of the line
   */
  String readLine(int maxLength, long timeoutNanos) throws IOException, InterruptedException {
    int scanned = start;
    while (true) {
      for (int i = scanned; i < end; i++) {
        if (buffer[i] == '\n') {
          int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
          String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
          consume(i + 1 - start);
          return line;
        }
      }
      if (end - start > maxLength) {
        throw new ProtocolException(
            "a line of the response is longer than " + maxLength + " bytes");
      }
      scanned = end - start; // offsets move when fill() compacts the buffer
      boolean more = fill(timeoutNanos);
      scanned += start;
      if (!more) {
        if (start == end) {
          return null;
        }
        throw closedEarly();
      }
    }
  }

  /** Reads exactly {@code length} bytes into {@code body}. */
  void readExactly(long length, BodyBuffer body, long timeoutNanos)
      throws IOException, InterruptedException {
    long left = length;
    while (left > 0) {
      if (start == end && !fill(timeoutNanos)) {
        throw closedEarly();
      }
      int n = (int) Math.min(left, end - start);
      body.append(buffer, start, n);
      consume(n);
      left -= n;
    }
  }

  /** Reads into {@code body} until the server closes the connection. */
  void readToEnd(BodyBuffer body, long timeoutNanos) throws IOException, InterruptedException {
    do {
      body.append(buffer, start, end - start);
      consume(end - start);
    } while (fill(timeoutNanos));
  }

  @Override
  public void close() {
    closeQuietly(selector, channel);
  }

  /** Receives more bytes after those buffered; false when the server has closed the connection. */
  private boolean fill(long timeoutNanos) throws IOException, InterruptedException {
    makeRoom();
    while (true) {
      int n = channel.read(free);
      if (n > 0) {
        end += n;
        received += n;
        return true;
      }
      if (n < 0) {
        return false;
      }
      await(SelectionKey.OP_READ, timeoutNanos);
    }
  }

  private void makeRoom() {
    if (end == buffer.length) {
      int kept = end - start;
      byte[] target = kept > buffer.length / 2 ? new byte[buffer.length * 2] : buffer;
      System.arraycopy(buffer, start, target, 0, kept);
      if (target != buffer) {
        buffer = target;
        free = ByteBuffer.wrap(buffer);
      }
      start = 0;
      end = kept;
    }
    free.limit(buffer.length).position(end);
  }

  private void consume(int n) {
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  /**
   * Waits until the channel is ready for {@code ops}.
   *
   * @throws SocketTimeoutException after {@code timeoutNanos}
   * @throws InterruptedException when the thread is (or gets) interrupted; its flag stays set
   */
  private void await(int ops, long timeoutNanos) throws IOException, InterruptedException {
    if (key.interestOps() != ops) {
      key.interestOps(ops);
    }
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("no answer for " + Duration.ofNanos(timeoutNanos));
      }
      // an interrupt wakes the selector up; 0 keys then, and the loop sees the flag
      if (selector.select(k -> {}, Math.max(1, (left + 999_999) / 1_000_000)) > 0) {
        return;
      }
    }
  }

  private static IOException closedEarly() {
    return new IOException("the server closed the connection in the middle of the response");
  }

  private static void closeQuietly(Selector selector, SocketChannel channel) {
    try {
      if (selector != null) {
        selector.close();
      }
    } catch (IOException ignored) {
      // nothing more can be done with it
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more can be done with it
    }
  }
}
