package dev.chaos4j.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback TCP server for tests, running a behaviour per accepted connection on its thread. */
final class TcpServer implements AutoCloseable {

  /** What the server does with one accepted connection. */
  interface Behaviour {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Long> acceptTimes = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();

  private TcpServer(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                Socket socket;
                try {
                  socket = server.accept();
                } catch (IOException e) {
                  return;
                }
                acceptTimes.add(System.nanoTime());
                accepted.incrementAndGet();
                sockets.add(socket);
                Thread worker =
                    new Thread(
                        () -> {
                          try (socket) {
                            behaviour.serve(socket);
                          } catch (IOException e) {
                            // the peer went away; nothing to do
                          } finally {
                            sockets.remove(socket);
                          }
                        },
                        "test-upstream-conn");
                worker.setDaemon(true);
                worker.start();
              }
            },
            "test-upstream");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server running {@code behaviour} for each connection. */
  static TcpServer start(Behaviour behaviour) throws IOException {
    return new TcpServer(behaviour);
  }

  /** A server echoing everything back, half-closing when the client half-closes. */
  static TcpServer echo() throws IOException {
    return start(
        socket -> {
          socket.setTcpNoDelay(true);
          InputStream in = socket.getInputStream();
          OutputStream out = socket.getOutputStream();
          byte[] buffer = new byte[64 * 1024];
          int read;
          while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
          }
          socket.shutdownOutput();
        });
  }

  /** A server sending {@code data} at once and then closing. */
  static TcpServer sending(byte[] data) throws IOException {
    return start(
        socket -> {
          socket.getOutputStream().write(data);
          socket.getOutputStream().flush();
        });
  }

  int port() {
    return server.getLocalPort();
  }

  String address() {
    return "127.0.0.1:" + port();
  }

  int accepted() {
    return accepted.get();
  }

  List<Long> acceptTimes() {
    return acceptTimes;
  }

  @Override
  public void close() throws IOException {
    vanish();
  }

  /**
   * Stops accepting (once this returns, nothing more is accepted) and closes every connection, as a
   * crashed server would.
   */
  void vanish() throws IOException {
    server.close();
    try {
      // A connection can still slip in while a blocked accept() winds down.
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
