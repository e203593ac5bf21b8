package dev.chaos4j.core.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
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
 * <p>Every wait is bounded by a timeout and ends as soon as the thread is interrupted. The socket
 * is a {@link SocketChannel}, used through its {@link Socket} adaptor: unlike a plain socket's, its
 * blocking connects and reads with a timeout end on interruption (the channel is then closed), and
 * they cost less than waiting in a selector. A request larger than the kernel takes at once is
 * written in non-blocking mode, its waits in a selector, since blocking writes have no timeout.
 *
 * <p>A connection is used by one thread at a time.
 */
final class Http1Connection implements AutoCloseable {
  /** Requests up to this size are written at once: a socket's send buffer holds that much. */
  static final int SMALL_WRITE = 16 * 1024;

  private static final int INITIAL_BUFFER = 8 * 1024;

  private final Origin origin;
  private final SocketChannel channel;
  private final Socket socket;
  private final InputStream in;
  private int readTimeoutMillis = -1;

  /** Received bytes; those from {@code start} to {@code end} are not consumed yet. */
  private byte[] buffer = new byte[INITIAL_BUFFER];

  private int start;
  private int end;

  /** Bytes received since the last request was sent. */
  private long received;

  private long idleSince;
  private boolean used;

  private Http1Connection(Origin origin, SocketChannel channel) throws IOException {
    this.origin = origin;
    this.channel = channel;
    this.socket = channel.socket();
    this.in = socket.getInputStream();
  }

  /**
   * Connects to one address of the origin.
   *
   * @throws SocketTimeoutException when the connection is not made within the timeout
   * @throws java.nio.channels.ClosedByInterruptException when the thread is interrupted meanwhile
   * @throws IOException when it is refused or fails otherwise
   */
  static Http1Connection open(Origin origin, InetSocketAddress address, Duration timeout)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      // requests leave in one write; waiting for an ACK before sending more would only add latency
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.socket().connect(address, millis(timeout.toNanos()));
      return new Http1Connection(origin, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
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
   * and, as far as can be told without waiting, with nothing unread from the server.
   *
   * @param thorough also make sure that the server has not closed its end, which costs a few system
   *     calls more; without it, a request sent on a connection the server closed gets no response
   *     (which the caller may take as a reason to send it again)
   */
  boolean reusable(long maxIdleNanos, boolean thorough) {
    if (System.nanoTime() - idleSince > maxIdleNanos || start != end || !channel.isOpen()) {
      return false;
    }
    try {
      if (in.available() > 0) {
        return false; // the server said something unasked, such as a 408 before closing
      }
      if (!thorough) {
        return true;
      }
      channel.configureBlocking(false);
      try {
        // 0: nothing to read, the server has not closed its end; -1: it has
        return channel.read(ByteBuffer.wrap(buffer)) == 0;
      } finally {
        channel.configureBlocking(true);
      }
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
    if (data.length == 1 && remaining <= SMALL_WRITE) {
      // the usual request: one buffer, which the kernel takes at once
      while (data[0].hasRemaining()) {
        channel.write(data[0]);
      }
    } else {
      sendLarge(data, remaining, timeoutNanos);
    }
  }

  /**
   * Reads one line (ended by LF, an optional CR before it dropped) as Latin-1 text.
   *
   * @return the line, or null when the server closed the connection before sending any of it
   * @throws ProtocolException when the line is longer than {@code maxLength}
   * @throws IOException when the connection closes in the middle of the line
   */
  String readLine(int maxLength, long timeoutNanos) throws IOException {
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
  void readExactly(long length, BodyBuffer body, long timeoutNanos) throws IOException {
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
  void readToEnd(BodyBuffer body, long timeoutNanos) throws IOException {
    do {
      body.append(buffer, start, end - start);
      consume(end - start);
    } while (fill(timeoutNanos));
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more can be done with it
    }
  }

  /** Receives more bytes after those buffered; false when the server has closed the connection. */
  private boolean fill(long timeoutNanos) throws IOException {
    makeRoom();
    int timeout = millis(timeoutNanos);
    if (timeout != readTimeoutMillis) {
      socket.setSoTimeout(timeout);
      readTimeoutMillis = timeout;
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      return false;
    }
    end += n;
    received += n;
    return true;
  }

  private void makeRoom() {
    if (end == buffer.length) {
      int kept = end - start;
      byte[] target = kept > buffer.length / 2 ? new byte[buffer.length * 2] : buffer;
      System.arraycopy(buffer, start, target, 0, kept);
      buffer = target;
      start = 0;
      end = kept;
    }
  }

  private void consume(int n) {
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  /** Writes in non-blocking mode, each wait for the server to take more bounded. */
  private void sendLarge(ByteBuffer[] data, long remaining, long timeoutNanos)
      throws IOException, InterruptedException {
    channel.configureBlocking(false);
    try (Selector selector = Selector.open()) {
      channel.register(selector, SelectionKey.OP_WRITE);
      long left = remaining;
      while (left > 0) {
        long written = channel.write(data);
        left -= written;
        if (written == 0) {
          awaitWritable(selector, timeoutNanos);
        }
      }
    } finally {
      // closing the selector deregistered the channel, which can go back to blocking mode
      if (channel.isOpen()) {
        channel.configureBlocking(true);
      }
    }
  }

  /**
   * Waits until the server takes more bytes.
   *
   * @throws SocketTimeoutException after {@code timeoutNanos}
   * @throws InterruptedException when the thread is (or gets) interrupted; its flag stays set
   */
  private static void awaitWritable(Selector selector, long timeoutNanos)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException(
            "the server took nothing for " + Duration.ofNanos(timeoutNanos));
      }
      // an interrupt wakes the selector up; 0 keys then, and the loop sees the flag
      if (selector.select(key -> {}, millis(left)) > 0) {
        return;
      }
    }
  }

  /** A timeout in whole milliseconds for the socket API: at least 1 (0 would mean forever). */
  private static int millis(long nanos) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000));
  }

  private static IOException closedEarly() {
    return new IOException("the server closed the connection in the middle of the response");
  }
}
