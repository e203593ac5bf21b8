package dev.chaos4j.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback TCP upstream that echoes what it receives, and a client to talk to it. */
final class EchoServer implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  EchoServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "echo-upstream");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * Sends a line to {@code port} on loopback and returns what comes back until the peer closes or
   * the line is echoed.
   *
   * @throws IOException when the connection is refused, reset or closed before the answer
   */
  static String roundTrip(int port, String line) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        answer.append((char) c);
        if (c == '\n') {
          return answer.toString().strip();
        }
      }
      throw new IOException("connection closed after '" + answer + "'");
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      sockets.add(socket);
      Thread worker = new Thread(() -> echo(socket), "echo-upstream-connection");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void echo(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      sockets.remove(socket);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
