package dev.chaos4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection forwards directly while its proxy has no toxic and through the toxics' stages once
 * one is added; these tests switch between the two on live connections and check that nothing is
 * lost, duplicated or reordered, and that the switch takes effect on connections already open.
 */
class ToxicSwitchTest {

  private FaultProxyServer server;
  private Api api;
  private TcpServer echo;

  @BeforeEach
  void start() throws IOException {
    server = FaultProxyServer.start("127.0.0.1", 0);
    api = new Api(server);
    echo = TcpServer.echo();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    echo.close();
  }

  @Test
  void aStreamCrossingToxicsAddedAndRemovedArrivesIntactAndInOrder() throws Exception {
    int port = api.createProxy("stream", echo.address());
    List<String> toxics =
        List.of(
            "{\"name\":\"t\",\"type\":\"latency\",\"stream\":\"both\",\"attributes\":"
                + "{\"latency\":2,\"jitter\":1}}",
            "{\"name\":\"t\",\"type\":\"slicer\",\"stream\":\"upstream\",\"attributes\":"
                + "{\"average_size\":3000,\"size_variation\":1000,\"delay\":0}}",
            "{\"name\":\"t\",\"type\":\"bandwidth\",\"attributes\":{\"rate\":200000}}",
            "{\"name\":\"t\",\"type\":\"noop\",\"stream\":\"both\"}");
    long total = 3_000_000; // longs, 24 MB each way
    AtomicLong received = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (Client client = new Client(port, 20_000)) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  DataOutputStream out =
                      new DataOutputStream(
                          new BufferedOutputStream(client.socket().getOutputStream()));
                  for (long i = 0; i < total; i++) {
                    out.writeLong(i);
                  }
                  out.flush();
                  client.socket().shutdownOutput();
                } catch (IOException e) {
                  failure.compareAndSet(null, e);
                }
              },
              "test-writer");
      Thread reader =
          new Thread(
              () -> {
                try {
                  DataInputStream in =
                      new DataInputStream(
                          new BufferedInputStream(client.socket().getInputStream()));
                  for (long i = 0; i < total; i++) {
                    long value = in.readLong();
                    if (value != i) {
                      throw new AssertionError("expected " + i + " but got " + value);
                    }
                    received.set(i + 1);
                  }
                  if (in.read() != -1) {
                    throw new AssertionError("more than was sent");
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "test-reader");
      writer.start();
      reader.start();
      int switches = 0;
      while (reader.isAlive() && switches < 400) {
        api.addToxic("stream", toxics.get(switches % toxics.size()));
        Thread.sleep(3);
        api.removeToxic("stream", "t");
        Thread.sleep(3);
        switches++;
      }
      writer.join(30_000);
      reader.join(30_000);
      assertThat(failure.get()).as("stream failure").isNull();
      assertThat(received.get()).isEqualTo(total);
      assertThat(switches).as("toxic switches during the stream").isGreaterThan(5);
    }
  }

  @Test
  void aToxicAddedToAnOpenConnectionActsOnItUntilRemoved() throws IOException {
    int port = api.createProxy("live", echo.address());
    try (Client client = new Client(port)) {
      assertThat(client.fastestRoundTripMillis(3)).isLessThan(150.0);

      api.addToxic(
          "live",
          "{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"upstream\",\"attributes\":"
              + "{\"latency\":200}}");
      assertThat(client.fastestRoundTripMillis(2)).isGreaterThanOrEqualTo(199.0);

      api.removeToxic("live", "slow");
      assertThat(client.fastestRoundTripMillis(3)).isLessThan(150.0);
    }
  }

  @Test
  void dataHeldByAToxicWhenItIsRemovedComesBeforeDataSentAfter() throws IOException {
    int port = api.createProxy("order", echo.address());
    api.addToxic(
        "order",
        "{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"upstream\",\"attributes\":"
            + "{\"latency\":2000}}");
    try (Client client = new Client(port)) {
      client.send(new byte[] {1, 2, 3});
      api.removeToxic("order", "slow");
      client.send(new byte[] {4, 5, 6});
      api.addToxic(
          "order",
          "{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"downstream\",\"attributes\":"
              + "{\"latency\":100}}");
      client.send(new byte[] {7, 8});

      assertThat(client.read(8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
  }

  @Test
  void endOfStreamPassesWhileToxicsComeAndGo() throws IOException {
    int port = api.createProxy("ends", echo.address());
    for (int i = 0; i < 20; i++) {
      try (Client client = new Client(port)) {
        client.send(new byte[] {(byte) i});
        if (i % 2 == 0) {
          api.addToxic(
              "ends", "{\"name\":\"t\",\"type\":\"latency\",\"attributes\":{\"latency\":5}}");
        }
        client.socket().shutdownOutput();
        if (i % 2 == 0) {
          api.removeToxic("ends", "t");
        }
        InputStream in = client.socket().getInputStream();
        assertThat(in.read()).isEqualTo(i);
        assertThat(in.read()).as("end of stream after the echo").isEqualTo(-1);
      }
    }
  }
}
