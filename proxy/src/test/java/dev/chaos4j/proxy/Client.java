package dev.chaos4j.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** A blocking TCP client for tests, with a read timeout on every read. */
final class Client implements AutoCloseable {

  private final Socket socket;

  Client(int port) throws IOException {
    this(port, 5_000);
  }

  Client(int port, int readTimeoutMillis) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(readTimeoutMillis);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
  }

  Socket socket() {
    return socket;
  }

  void send(byte[] data) throws IOException {
    socket.getOutputStream().write(data);
    socket.getOutputStream().flush();
  }

  /** Reads exactly {@code length} bytes. */
  byte[] read(int length) throws IOException {
    byte[] data = new byte[length];
    InputStream in = socket.getInputStream();
    int done = 0;
    while (done < length) {
      int read = in.read(data, done, length - done);
      if (read < 0) {
        throw new IOException("end of stream after " + done + " of " + length + " bytes");
      }
      done += read;
    }
    return data;
  }

  /** Sends {@code data} to an echo server and waits for it to come back; returns nanoseconds. */
  long roundTrip(byte[] data) throws IOException {
    long start = System.nanoTime();
    send(data);
    byte[] back = read(data.length);
    long elapsed = System.nanoTime() - start;
    if (!Arrays.equals(back, data)) {
      throw new IOException("echo differs");
    }
    return elapsed;
  }

  /** The shortest of {@code times} round trips of a small message, in milliseconds. */
  double fastestRoundTripMillis(int times) throws IOException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < times; i++) {
      best = Math.min(best, roundTrip(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }
    return best / 1e6;
  }

  /** Reads everything until the end of stream. */
  byte[] readToEnd() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    socket.getInputStream().transferTo(all);
    return all.toByteArray();
  }

  /** Whether nothing arrives (neither data nor end of stream) within the read timeout. */
  boolean staysSilent() throws IOException {
    try {
      socket.getInputStream().read();
      return false;
    } catch (SocketTimeoutException e) {
      return true;
    }
  }

  void setReadTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
