package dev.chaos4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Each toxic's effect, measured on real loopback sockets. Timing bounds are generous (the machine
 * is shared) but each would fail if the toxic did not act: round trips take the fastest of a few
 * tries, so a slow moment cannot fake a delay that is not there.
 */
class ToxicBehaviourTest {

  private static FaultProxyServer server;
  private static Api api;
  private static TcpServer echo;

  private String proxy;

  @BeforeAll
  static void startServer() throws IOException {
    server = FaultProxyServer.start("127.0.0.1", 0);
    api = new Api(server);
    echo = TcpServer.echo();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
    echo.close();
  }

  @BeforeEach
  void name(TestInfo test) {
    proxy = test.getTestMethod().orElseThrow().getName();
  }

  @AfterEach
  void deleteProxy() {
    api.delete("/proxies/" + proxy);
  }

  private int proxyTo(TcpServer upstream) {
    return api.createProxy(proxy, upstream.address());
  }

  private static byte[] randomBytes(int length) {
    byte[] data = new byte[length];
    new Random(length).nextBytes(data);
    return data;
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  @Test
  void withoutToxicsBytesPassUnchangedBothWays() throws IOException {
    int port = proxyTo(echo);
    byte[] data = randomBytes(4 << 20);
    try (Client client = new Client(port)) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  client.send(data);
                } catch (IOException e) {
                  throw new AssertionError(e);
                }
              });
      writer.start();
      assertThat(client.read(data.length)).isEqualTo(data);
    }
  }

  @Test
  void latencyDelaysEachChunkByItsLatency() throws IOException {
    int port = proxyTo(echo);
    try (Client client = new Client(port)) {
      double direct = client.fastestRoundTripMillis(3);
      api.addToxic(proxy, "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}");

      double delayed = client.fastestRoundTripMillis(5);

      assertThat(delayed).isGreaterThanOrEqualTo(100.0);
      assertThat(delayed - direct).isLessThan(150.0);
    }
  }

  @Test
  void latencyUpstreamAndBothWaysAddUp() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(
        proxy,
        "{\"type\":\"latency\",\"stream\":\"upstream\",\"attributes\":" + "{\"latency\":50}}");
    api.addToxic(
        proxy, "{\"type\":\"latency\",\"stream\":\"both\",\"attributes\":" + "{\"latency\":60}}");
    try (Client client = new Client(port)) {
      assertThat(client.fastestRoundTripMillis(3)).isBetween(170.0, 240.0);
    }
  }

  @Test
  void latencyDoesNotAccumulateOverABurstOfChunks() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}");
    try (Client client = new Client(port)) {
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        client.send(new byte[] {(byte) i});
      }
      client.read(20);

      assertThat(millisSince(start)).isBetween(99.0, 300.0);
    }
  }

  @Test
  void jitterSpreadsDelaysWithinItsRange() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"type\":\"latency\",\"attributes\":{\"latency\":100,\"jitter\":50}}");
    try (Client client = new Client(port)) {
      List<Double> rounds = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        rounds.add(client.roundTrip(new byte[] {1}) / 1e6);
      }
      assertThat(rounds).allSatisfy(ms -> assertThat(ms).isBetween(50.0, 400.0));
      assertThat(
              rounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                  - rounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
          .isGreaterThan(20.0);
    }
  }

  @Test
  void latencyNeverReleasesAMessageEarlyAndKeepsTheirOrder() throws Exception {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"type\":\"latency\",\"attributes\":{\"latency\":20}}");
    long[] roundTrips = streamMessages(port, 200);
    assertThat(Arrays.stream(roundTrips).min().orElseThrow())
        .as("shortest round trip (ns)")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
  }

  @Test
  void jitteredLatencyKeepsTheOrderAndStaysWithinItsRange() throws Exception {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"type\":\"latency\",\"attributes\":{\"latency\":20,\"jitter\":15}}");
    long[] roundTrips = streamMessages(port, 200);
    assertThat(Arrays.stream(roundTrips).min().orElseThrow())
        .as("shortest round trip (ns)")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
  }

  /**
   * Sends {@code count} numbered 8-byte messages through an echo proxy, one every half millisecond,
   * while another thread reads them back as they come; checks they come back in order and returns
   * each one's round trip in nanoseconds.
   */
  private static long[] streamMessages(int port, int count) throws Exception {
    AtomicLongArray sentAt = new AtomicLongArray(count);
    long[] roundTrips = new long[count];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (Client client = new Client(port)) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  DataInputStream in = new DataInputStream(client.socket().getInputStream());
                  for (int i = 0; i < count; i++) {
                    long number = in.readLong();
                    long arrival = System.nanoTime();
                    if (number != i) {
                      throw new AssertionError("expected message " + i + " but got " + number);
                    }
                    roundTrips[i] = arrival - sentAt.get(i);
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "test-reader");
      reader.start();
      DataOutputStream out = new DataOutputStream(client.socket().getOutputStream());
      for (int i = 0; i < count; i++) {
        sentAt.set(i, System.nanoTime());
        out.writeLong(i);
        out.flush();
        LockSupport.parkNanos(500_000);
      }
      reader.join(10_000);
      assertThat(reader.isAlive()).as("reader still waiting").isFalse();
    }
    assertThat(failure.get()).as("reading the messages back").isNull();
    return roundTrips;
  }

  @Test
  void bandwidthPacesDataToItsRate() throws IOException {
    byte[] data = randomBytes(400_000);
    try (TcpServer upstream = TcpServer.sending(data)) {
      int port = proxyTo(upstream);
      api.addToxic(proxy, "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":400}}");
      try (Client client = new Client(port)) {
        long start = System.nanoTime();
        assertThat(client.read(data.length)).isEqualTo(data);

        assertThat(millisSince(start)).isBetween(900.0, 2500.0);
      }
    }
  }

  @Test
  void bandwidthZeroHoldsDataUntilTheToxicGoes() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"name\":\"cut\",\"type\":\"bandwidth\",\"attributes\":{\"rate\":0}}");
    try (Client client = new Client(port, 400)) {
      client.send("held".getBytes(StandardCharsets.US_ASCII));
      assertThat(client.staysSilent()).isTrue();

      api.removeToxic(proxy, "cut");

      client.setReadTimeout(5_000);
      assertThat(client.read(4)).isEqualTo("held".getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Test
  void slowCloseDeliversDataAtOnceAndTheEndLater() throws IOException {
    byte[] data = "goodbye".getBytes(StandardCharsets.US_ASCII);
    try (TcpServer upstream = TcpServer.sending(data)) {
      int port = proxyTo(upstream);
      api.addToxic(proxy, "{\"type\":\"slow_close\",\"attributes\":{\"delay\":400}}");
      try (Client client = new Client(port)) {
        long start = System.nanoTime();
        assertThat(client.read(data.length)).isEqualTo(data);
        assertThat(millisSince(start)).isLessThan(300.0);

        assertThat(client.socket().getInputStream().read()).isEqualTo(-1);
        assertThat(millisSince(start)).isBetween(399.0, 1500.0);
      }
    }
  }

  @Test
  void timeoutDropsDataThenClosesTheConnection() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"type\":\"timeout\",\"attributes\":{\"timeout\":300}}");
    try (Client client = new Client(port)) {
      long start = System.nanoTime();
      client.send(new byte[] {1, 2, 3});

      assertThat(client.socket().getInputStream().read()).isEqualTo(-1);
      assertThat(millisSince(start)).isBetween(299.0, 1500.0);
    }
  }

  @Test
  void timeoutZeroHangsUntilRemovedThenCloses() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"name\":\"hang\",\"type\":\"timeout\",\"attributes\":{\"timeout\":0}}");
    try (Client client = new Client(port, 500)) {
      client.send(new byte[] {1, 2, 3});
      assertThat(client.staysSilent()).isTrue();

      api.removeToxic(proxy, "hang");

      client.setReadTimeout(5_000);
      assertThat(client.socket().getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void resetPeerResetsTheConnectionAfterItsTimeout() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"type\":\"reset_peer\",\"attributes\":{\"timeout\":200}}");
    try (Client client = new Client(port)) {
      long start = System.nanoTime();
      client.send(new byte[] {1});

      assertThatThrownBy(() -> client.socket().getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      assertThat(millisSince(start)).isBetween(199.0, 1500.0);
    }
  }

  @Test
  void resetPeerAddedToAnOpenConnectionAlsoResets() throws IOException {
    int port = proxyTo(echo);
    try (Client client = new Client(port)) {
      client.roundTrip(new byte[] {1});
      api.addToxic(proxy, "{\"type\":\"reset_peer\",\"stream\":\"upstream\"}");

      client.send(new byte[] {2});

      assertThatThrownBy(() -> client.socket().getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void toxicityZeroNeverActsNotEvenOnClose() throws IOException {
    byte[] data = "bye".getBytes(StandardCharsets.US_ASCII);
    try (TcpServer upstream = TcpServer.sending(data)) {
      int port = proxyTo(upstream);
      api.addToxic(proxy, "{\"type\":\"reset_peer\",\"toxicity\":0}");
      api.addToxic(proxy, "{\"type\":\"latency\",\"toxicity\":0,\"attributes\":{\"latency\":500}}");
      for (int i = 0; i < 5; i++) {
        try (Client client = new Client(port)) {
          long start = System.nanoTime();
          assertThat(client.readToEnd()).isEqualTo(data);
          assertThat(millisSince(start)).isLessThan(400.0);
        }
      }
    }
  }

  @Test
  void toxicityDecidesPerConnectionWhetherTheToxicActs() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(
        proxy, "{\"type\":\"latency\",\"toxicity\":0.5,\"attributes\":" + "{\"latency\":80}}");
    int delayed = 0;
    for (int i = 0; i < 40; i++) {
      try (Client client = new Client(port)) {
        if (client.fastestRoundTripMillis(1) >= 80) {
          delayed++;
        }
      }
    }
    assertThat(delayed).isBetween(6, 34);
  }

  @Test
  void slicerDeliversDataInPiecesSpacedByItsDelay() throws IOException {
    byte[] data = randomBytes(200);
    try (TcpServer upstream = TcpServer.sending(data)) {
      int port = proxyTo(upstream);
      api.addToxic(
          proxy,
          "{\"type\":\"slicer\",\"attributes\":{\"average_size\":20,"
              + "\"size_variation\":5,\"delay\":10000}}");
      try (Client client = new Client(port)) {
        InputStream in = client.socket().getInputStream();
        byte[] received = new byte[data.length];
        int done = 0;
        int reads = 0;
        long start = System.nanoTime();
        while (done < data.length) {
          int read = in.read(received, done, data.length - done);
          assertThat(read).isPositive();
          done += read;
          reads++;
        }
        assertThat(received).isEqualTo(data);
        assertThat(reads).isGreaterThanOrEqualTo(4);
        assertThat(millisSince(start)).isGreaterThanOrEqualTo(60.0);
      }
    }
  }

  @Test
  void limitDataLetsThroughItsBytesThenCloses() throws IOException {
    byte[] data = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    try (TcpServer upstream = TcpServer.sending(data)) {
      int port = proxyTo(upstream);
      api.addToxic(proxy, "{\"type\":\"limit_data\",\"attributes\":{\"bytes\":10}}");
      try (Client client = new Client(port)) {
        assertThat(new String(client.readToEnd(), StandardCharsets.US_ASCII))
            .isEqualTo("0123456789");
      }
    }
  }

  @Test
  void noopChangesNothing() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(proxy, "{\"type\":\"noop\",\"stream\":\"both\"}");
    try (Client client = new Client(port)) {
      assertThat(client.fastestRoundTripMillis(3)).isLessThan(50.0);
    }
  }

  @Test
  void slowConnectDelaysOpeningTheUpstreamSide() throws IOException {
    try (TcpServer upstream = TcpServer.echo()) {
      int port = proxyTo(upstream);
      api.addToxic(proxy, "{\"type\":\"slow_connect\",\"attributes\":{\"delay\":300}}");
      long start = System.nanoTime();
      try (Client client = new Client(port)) {
        client.roundTrip(new byte[] {1});
        double firstByte = millisSince(start);

        assertThat(firstByte).isBetween(299.0, 1500.0);
        assertThat((upstream.acceptTimes().get(0) - start) / 1e6).isGreaterThanOrEqualTo(299.0);
        assertThat(client.fastestRoundTripMillis(3)).isLessThan(100.0);
      }
    }
  }

  @Test
  void removingALatencyToxicReleasesHeldDataAtOnce() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(
        proxy, "{\"name\":\"slow\",\"type\":\"latency\",\"attributes\":" + "{\"latency\":5000}}");
    try (Client client = new Client(port)) {
      long start = System.nanoTime();
      client.send(new byte[] {7});
      api.removeToxic(proxy, "slow");

      assertThat(client.read(1)).containsExactly(7);
      assertThat(millisSince(start)).isLessThan(2000.0);
    }
  }

  @Test
  void updatingALatencyToxicRetimesHeldData() throws IOException {
    int port = proxyTo(echo);
    api.addToxic(
        proxy, "{\"name\":\"slow\",\"type\":\"latency\",\"attributes\":" + "{\"latency\":5000}}");
    try (Client client = new Client(port)) {
      long start = System.nanoTime();
      client.send(new byte[] {7});
      api.patch("/proxies/" + proxy + "/toxics/slow", "{\"attributes\":{\"latency\":100}}");

      assertThat(client.read(1)).containsExactly(7);
      assertThat(millisSince(start)).isBetween(99.0, 2000.0);
    }
  }

  @Test
  void disablingAProxyClosesItsConnectionsAndRefusesNewOnes() throws IOException {
    int port = proxyTo(echo);
    try (Client client = new Client(port)) {
      client.roundTrip(new byte[] {1});

      api.post("/proxies/" + proxy, "{\"enabled\":false}");

      int read;
      try {
        read = client.socket().getInputStream().read();
      } catch (SocketException reset) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void halfCloseIsForwardedSoTheAnswerStillArrives() throws IOException {
    int port = proxyTo(echo);
    try (Client client = new Client(port)) {
      client.send("question".getBytes(StandardCharsets.US_ASCII));
      client.socket().shutdownOutput();

      assertThat(new String(client.readToEnd(), StandardCharsets.US_ASCII)).isEqualTo("question");
    }
  }

  @Test
  void anUnreachableUpstreamClosesTheClient() throws IOException {
    int port = api.createProxy(proxy, "127.0.0.1:1");
    try (Client client = new Client(port)) {
      int read;
      try {
        read = client.socket().getInputStream().read();
      } catch (SocketException reset) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
    }
  }

  @Test
  void manyConnectionsAtOnceEachGetTheirOwnBytes() throws Exception {
    int port = proxyTo(echo);
    api.addToxic(
        proxy, "{\"type\":\"latency\",\"stream\":\"both\",\"attributes\":" + "{\"latency\":5}}");
    AtomicInteger ok = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      int seed = t;
      Thread thread =
          new Thread(
              () -> {
                byte[] data = randomBytes(10_000 + seed);
                try (Client client = new Client(port)) {
                  client.send(data);
                  if (Arrays.equals(client.read(data.length), data)) {
                    ok.incrementAndGet();
                  }
                } catch (IOException e) {
                  throw new AssertionError(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    assertThat(ok.get()).isEqualTo(20);
  }
}
