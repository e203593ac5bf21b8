package dev.chaos4j.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback echo server on one selector thread, for tests with thousands of connections (where a
 * thread per connection would not do). It echoes what it can write at once and closes a connection
 * when its peer ends or resets it.
 */
final class NioEchoServer implements AutoCloseable {

  private final Selector selector;
  private final ServerSocketChannel server;
  private final Thread loop;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private volatile boolean closed;

  NioEchoServer() throws IOException {
    selector = Selector.open();
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    loop = new Thread(this::run, "test-nio-echo");
    loop.setDaemon(true);
    loop.start();
  }

  String address() {
    return "127.0.0.1:" + server.socket().getLocalPort();
  }

  /** Connections accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /** Connections accepted and not yet closed. */
  int open() {
    return open.get();
  }

  private void run() {
    try {
      while (!closed) {
        selector.select(100);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept();
          } else if (key.isReadable()) {
            echo(key);
          }
        }
      }
    } catch (IOException e) {
      if (!closed) {
        throw new UncheckedIOException(e);
      }
    } finally {
      for (SelectionKey key : selector.keys()) {
        closeQuietly(key);
      }
    }
  }

  private void accept() throws IOException {
    SocketChannel channel;
    while ((channel = server.accept()) != null) {
      accepted.incrementAndGet();
      open.incrementAndGet();
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
    }
  }

  private void echo(SelectionKey key) {
    SocketChannel channel = (SocketChannel) key.channel();
    try {
      buffer.clear();
      int read = channel.read(buffer);
      if (read < 0) {
        closeQuietly(key);
        open.decrementAndGet();
        return;
      }
      buffer.flip();
      channel.write(buffer);
    } catch (IOException reset) {
      closeQuietly(key);
      open.decrementAndGet();
    }
  }

  private static void closeQuietly(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    selector.close();
  }
}
