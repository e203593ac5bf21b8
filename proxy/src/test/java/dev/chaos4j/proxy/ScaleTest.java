package dev.chaos4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data plane at scale, with real sockets: a hundred thousand connections opened and closed
 * every way a peer can close them leave no descriptor and no registered connection behind, and up
 * to ten thousand idle connections (as many as the descriptor limit allows) cost a bounded amount
 * of memory each.
 */
class ScaleTest {

  private static final Path FDS = Path.of("/proc/self/fd");

  private FaultProxyServer server;
  private Api api;
  private NioEchoServer echo;

  @BeforeEach
  void start() throws IOException {
    server = FaultProxyServer.start("127.0.0.1", 0);
    api = new Api(server);
    echo = new NioEchoServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    echo.close();
  }

  @Test
  void aHundredThousandConnectionsOpenedAndClosedLeaveNoDescriptorOrConnectionBehind()
      throws Exception {
    assumeTrue(Files.isDirectory(FDS), "counting open descriptors needs /proc/self/fd (Linux)");
    int port = api.createProxy("churn", echo.address());
    churn(port, 0, 200); // the first connections load classes and fill pools
    awaitAtMost(0, server::openConnections);
    long before = openDescriptors();

    int threads = 4;
    int perThread = 25_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        done.add(pool.submit(() -> churn(port, first, perThread)));
      }
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(awaitAtMost(0, server::openConnections)).as("registered connections").isZero();
    assertThat(echo.accepted()).isGreaterThanOrEqualTo(threads * perThread);
    assertThat(awaitAtMost(0, echo::open)).as("upstream sockets still open").isZero();
    long after = awaitAtMost(before + 10, ScaleTest::openDescriptorsUnchecked);
    assertThat(after).as("open descriptors, %d before", before).isLessThanOrEqualTo(before + 10);
  }

  /**
   * Opens and closes {@code count} connections, each ended another way: a plain close, a reset
   * (SO_LINGER 0), after an echoed byte, and right after sending a byte (data in flight).
   */
  private static Void churn(int port, int first, int count) throws IOException {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    ByteBuffer one = ByteBuffer.allocate(1);
    for (int i = first; i < first + count; i++) {
      try (SocketChannel client = SocketChannel.open(address)) {
        switch (i % 4) {
          case 0 -> {}
          case 1 -> client.setOption(StandardSocketOptions.SO_LINGER, 0);
          case 2 -> {
            client.write(one.clear());
            if (client.read(one.clear()) != 1) {
              throw new IOException("connection " + i + " ended before its echo");
            }
          }
          default -> client.write(one.clear());
        }
      }
    }
    return null;
  }

  @Test
  void upToTenThousandIdleConnectionsCostABoundedAmountOfMemoryEach() throws Exception {
    assumeTrue(Files.isDirectory(FDS), "counting open descriptors needs /proc/self/fd (Linux)");
    // Four descriptors per connection here: the client's, the proxy's two, the upstream's.
    long room = maxOpenFiles() - openDescriptors() - 500;
    int count = (int) Math.min(10_000, room / 4);
    assumeTrue(
        count >= 2_000,
        "holding connections needs 4 descriptors each; 'ulimit -n' leaves room for " + count);
    int port = api.createProxy("crowd", echo.address());
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    hold(address, 200).forEach(ScaleTest::closeQuietly);
    awaitAtMost(0, server::openConnections);
    long heapBefore = usedHeapAfterGc();
    long directBefore = usedDirect();

    List<SocketChannel> clients = hold(address, count);
    try {
      assertThat(awaitAtLeast(count, echo::open)).as("upstream connections").isEqualTo(count);
      assertThat(server.openConnections()).isEqualTo(count);
      long heapPerConnection = (usedHeapAfterGc() - heapBefore) / count;
      long directPerConnection = (usedDirect() - directBefore) / count;
      System.out.printf(
          "%d idle connections: %d bytes of heap and %d of direct memory each%n",
          count, heapPerConnection, directPerConnection);
      // Generous: an idle connection holds no buffer, only its sockets' objects (a few KiB).
      assertThat(heapPerConnection).as("heap bytes per connection").isLessThan(32 * 1024);
      assertThat(directPerConnection).as("direct bytes per connection").isLessThan(8 * 1024);
    } finally {
      clients.forEach(ScaleTest::closeQuietly);
    }
    assertThat(awaitAtMost(0, server::openConnections)).isZero();
  }

  private static List<SocketChannel> hold(InetSocketAddress address, int count) throws IOException {
    List<SocketChannel> clients = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        clients.add(SocketChannel.open(address));
      }
    } catch (IOException e) {
      clients.forEach(ScaleTest::closeQuietly);
      throw e;
    }
    return clients;
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Direct memory of the JDK's buffers and of Netty's (which it may count on its own). */
  private static long usedDirect() {
    long used = io.netty.util.internal.PlatformDependent.usedDirectMemory();
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        used += pool.getMemoryUsed();
      }
    }
    return Math.max(0, used);
  }

  private static long maxOpenFiles() throws IOException {
    Matcher limit =
        Pattern.compile("Max open files\\s+(\\d+)")
            .matcher(Files.readString(Path.of("/proc/self/limits")));
    return limit.find() ? Long.parseLong(limit.group(1)) : 1024;
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    }
  }

  private static long openDescriptorsUnchecked() {
    try {
      return openDescriptors();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Polls {@code value} for up to 10 s until it is at most {@code bound}; returns the last value.
   */
  private static long awaitAtMost(long bound, LongSupplier value) throws InterruptedException {
    long last = value.getAsLong();
    for (int i = 0; i < 200 && last > bound; i++) {
      Thread.sleep(50);
      last = value.getAsLong();
    }
    return last;
  }

  private static int awaitAtLeast(int bound, IntSupplier value) throws InterruptedException {
    int last = value.getAsInt();
    for (int i = 0; i < 200 && last < bound; i++) {
      Thread.sleep(50);
      last = value.getAsInt();
    }
    return last;
  }
}
