package dev.chaos4j.core.provider.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on an ephemeral port that answers with whatever bytes a test writes,
 * so that tests can send what well-behaved servers never do: chunked bodies with extensions and
 * trailers, interim responses, silences, connections closed at any point. It reads each request
 * (body by {@code Content-Length}) and counts connections.
 */
final class RawHttpServer implements AutoCloseable {

  /** What the test does with one request. */
  @FunctionalInterface
  interface Handler {
    void answer(Exchange exchange) throws IOException, InterruptedException;
  }

  /**
   * One request received.
   *
   * @param connection the number of its connection, from 1
   * @param index its number on that connection, from 1
   * @param head the request line and headers, as received
   * @param body the body
   * @param out the connection's output, for the raw response
   * @param socket the connection, to close it
   */
  record Exchange(
      int connection, int index, String head, String body, OutputStream out, Socket socket) {

    String requestLine() {
      return head.substring(0, head.indexOf("\r\n"));
    }

    /** The value of a request header (case ignored), or null. */
    String header(String name) {
      return headerOf(head, name);
    }

    /** Writes a raw response (Latin-1 text) and flushes it. */
    void write(String raw) throws IOException {
      write(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] raw) throws IOException {
      out.write(raw);
      out.flush();
    }

    /** A complete response with a {@code Content-Length} body. */
    void respond(int status, String body) throws IOException {
      write(
          "HTTP/1.1 "
              + status
              + " X\r\nContent-Type: text/plain\r\nContent-Length: "
              + body.getBytes(StandardCharsets.ISO_8859_1).length
              + "\r\n\r\n"
              + body);
    }

    void close() throws IOException {
      socket.close();
    }
  }

  private final ServerSocket listener;
  private final Handler handler;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Exchange> received = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  RawHttpServer(Handler handler) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.handler = handler;
    start(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The base URL, without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + port();
  }

  /** How many connections were accepted. */
  int connections() {
    return connections.get();
  }

  /** The requests received so far, in order. */
  List<Exchange> received() {
    return new ArrayList<>(received);
  }

  @Override
  public void close() throws Exception {
    listener.close();
    for (Socket s : sockets) {
      s.close();
    }
    for (Thread t : threads) {
      t.interrupt();
      t.join(5000);
    }
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket socket = listener.accept();
        sockets.add(socket);
        int number = connections.incrementAndGet();
        start(() -> serve(socket, number));
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int index = 1; ; index++) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String length = headerOf(head, "Content-Length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        Exchange exchange =
            new Exchange(
                connection, index, head, new String(body, StandardCharsets.UTF_8), out, socket);
        received.add(exchange);
        handler.answer(exchange);
        if (socket.isClosed()) {
          return;
        }
      }
    } catch (SocketException closed) {
      // closed by the test or by the client
    } catch (IOException | InterruptedException e) {
      // the test is over
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      matched =
          (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static String headerOf(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private void start(Runnable task) {
    Thread thread = new Thread(task, "raw-http-server");
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }
}
