package dev.chaos4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server under abuse: garbage API bodies, peers that reset or vanish, thousands of connections,
 * and toxics changed while data flows. It must keep serving, leak nothing and never make the API
 * wait.
 */
class ReliabilityTest {

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
  void garbageBodiesGetTheBadRequestShapeAndTheServerKeepsServing() {
    api.createProxy("p", echo.address());
    Random random = new Random(42);
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "{",
                "}",
                "[",
                "nul",
                "\"x\"",
                "{\"a\":[}",
                "{\"name\":{\"x\":1}}",
                "{\"type\":\"latency\",\"attributes\":{\"latency\":1e99}}",
                "{\"type\":\"latency\",\"attributes\":{\"latency\":99999999999999999999}}",
                "{\"type\":\"latency\",\"toxicity\":\"high\"}",
                "{\"type\":\"latency\",\"attributes\":7}"));
    for (int i = 0; i < 40; i++) {
      byte[] noise = new byte[1 + random.nextInt(64)];
      random.nextBytes(noise);
      bodies.add(new String(noise, StandardCharsets.ISO_8859_1));
    }
    for (String body : bodies) {
      for (String path : List.of("/proxies", "/populate", "/proxies/p", "/proxies/p/toxics")) {
        HttpResponse<String> response = api.post(path, body);
        if (response.statusCode() == 400) {
          assertThat(response.body())
              .as(path + " " + body)
              .matches("(?s)\\{\"error\":\".+\",\"status\":400(,\"proxies\":null)?}\n?");
        } else {
          assertThat(response.statusCode()).as(path + " " + body).isIn(200, 201);
        }
      }
    }
    assertThat(api.get("/version").statusCode()).isEqualTo(200);
    assertThat(api.createProxy("after", echo.address())).isPositive();
  }

  @Test
  void hugeBodiesGetTheBadRequestShapeAndTheServerKeepsServing() {
    api.createProxy("p", echo.address());
    Random random = new Random(7);
    byte[] noise = new byte[16 << 20];
    random.nextBytes(noise);
    List<String> bodies =
        List.of(
            new String(noise, StandardCharsets.ISO_8859_1),
            "[".repeat(200_000),
            "{\"name\":\"" + "x".repeat(8 << 20),
            "{\"name\":\"big\",\"listen\":\"127.0.0.1:0\",\"upstream\":"
                + "1".repeat(1 << 20)
                + "}",
            "{\"type\":\"latency\",\"attributes\":{" + "\"a\":1,".repeat(500_000) + "\"b\":\"x}}");
    for (String body : bodies) {
      for (String path : List.of("/proxies", "/populate", "/proxies/p/toxics")) {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(path + " " + body.length()).isEqualTo(400);
        assertThat(response.body())
            .as(path + " " + body.length())
            .matches(
                "(?s)\\{\"error\":\"bad request body: .+\",\"status\":400(,\"proxies\":null)?}\n?");
      }
    }
    assertThat(api.get("/version").statusCode()).isEqualTo(200);
    assertThat(api.createProxy("after", echo.address())).isPositive();
  }

  @Test
  void clientsThatResetOrVanishLeaveTheProxyServing() throws Exception {
    byte[] big = new byte[8 << 20];
    try (TcpServer flood = TcpServer.sending(big)) {
      int port = api.createProxy("flood", flood.address());
      for (int i = 0; i < 20; i++) {
        try (Client client = new Client(port)) {
          client.read(1000);
          if (i % 2 == 0) {
            client.socket().setSoLinger(true, 0);
          }
        }
      }
    }
    int port = api.createProxy("echo", echo.address());
    try (Client client = new Client(port)) {
      assertThat(client.fastestRoundTripMillis(1)).isLessThan(1000.0);
    }
  }

  @Test
  void upstreamsThatResetOrVanishCloseTheirClientsOnly() throws Exception {
    try (TcpServer resetting =
        TcpServer.start(
            socket -> {
              socket.getOutputStream().write("partial".getBytes(StandardCharsets.US_ASCII));
              socket.getInputStream().read();
              socket.setSoLinger(true, 0);
            })) {
      int port = api.createProxy("resetting", resetting.address());
      try (Client client = new Client(port)) {
        assertThat(client.read(7)).isEqualTo("partial".getBytes(StandardCharsets.US_ASCII));
        client.send(new byte[] {1});
        assertThat(readEndOrReset(client)).isTrue();
      }
      resetting.vanish();
      try (Client client = new Client(port)) {
        assertThat(readEndOrReset(client)).isTrue();
      }
    }
    int port = api.createProxy("echo", echo.address());
    try (Client client = new Client(port)) {
      client.roundTrip(new byte[] {1});
    }
  }

  private static boolean readEndOrReset(Client client) throws IOException {
    try {
      return client.socket().getInputStream().read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void thousandsOfConnectionsLeaveNoFileDescriptorBehind() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
    int port = api.createProxy("churn", echo.address());
    api.addToxic(
        "churn", "{\"type\":\"latency\",\"toxicity\":0.3,\"attributes\":" + "{\"latency\":1}}");
    try (Client warm = new Client(port)) {
      warm.roundTrip(new byte[] {1});
    }
    long before = openFileDescriptors();

    for (int i = 0; i < 2000; i++) {
      try (Client client = new Client(port)) {
        if (i % 3 == 0) {
          client.roundTrip(new byte[] {(byte) i});
        } else if (i % 3 == 1) {
          client.socket().setSoLinger(true, 0);
        }
      }
    }

    long after = openFileDescriptors();
    for (int wait = 0; wait < 100 && after > before + 20; wait++) {
      Thread.sleep(50);
      after = openFileDescriptors();
    }
    assertThat(after).isLessThanOrEqualTo(before + 20);
  }

  @Test
  void manyConnectionsOpenAtOnceAllWork() throws Exception {
    int port = api.createProxy("crowd", echo.address());
    List<Client> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        clients.add(new Client(port));
      }
      for (int i = 0; i < clients.size(); i++) {
        clients.get(i).send(new byte[] {(byte) i});
      }
      for (int i = 0; i < clients.size(); i++) {
        assertThat(clients.get(i).read(1)).containsExactly((byte) i);
      }
    } finally {
      for (Client client : clients) {
        client.close();
      }
    }
  }

  @Test
  void toxicsChangedWhileDataFlowsNeverStallTheApiOrCorruptData() throws Exception {
    int port = api.createProxy("busy", echo.address());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger verified = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> streams = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int seed = t;
      Thread stream =
          new Thread(
              () -> {
                try (Client client = new Client(port, 20_000)) {
                  Random random = new Random(seed);
                  OutputStream out = client.socket().getOutputStream();
                  InputStream in = client.socket().getInputStream();
                  while (running.get()) {
                    byte[] data = new byte[1 + random.nextInt(64 * 1024)];
                    random.nextBytes(data);
                    out.write(data);
                    byte[] back = in.readNBytes(data.length);
                    if (!Arrays.equals(back, data)) {
                      throw new AssertionError("echo corrupted on stream " + seed);
                    }
                    verified.incrementAndGet();
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      stream.start();
      streams.add(stream);
    }
    List<String> toxics =
        List.of(
            "{\"name\":\"t\",\"type\":\"latency\",\"stream\":\"both\",\"attributes\":"
                + "{\"latency\":3,\"jitter\":2}}",
            "{\"name\":\"t\",\"type\":\"slicer\",\"stream\":\"upstream\",\"attributes\":"
                + "{\"average_size\":500,\"size_variation\":100,\"delay\":10}}",
            "{\"name\":\"t\",\"type\":\"bandwidth\",\"attributes\":{\"rate\":100000}}",
            "{\"name\":\"t\",\"type\":\"slow_close\",\"attributes\":{\"delay\":10}}",
            "{\"name\":\"t\",\"type\":\"noop\",\"toxicity\":0.5}");
    long slowest = 0;
    for (int round = 0; round < 60; round++) {
      String toxic = toxics.get(round % toxics.size());
      long start = System.nanoTime();
      api.addToxic("busy", toxic);
      api.patch("/proxies/busy/toxics/t", "{\"toxicity\":0.7}");
      api.removeToxic("busy", "t");
      slowest = Math.max(slowest, System.nanoTime() - start);
      Thread.sleep(10);
    }
    running.set(false);
    for (Thread stream : streams) {
      stream.join(20_000);
    }

    assertThat(failures).isEmpty();
    assertThat(verified.get()).isGreaterThan(60);
    assertThat(slowest / 1e6).as("slowest add+update+remove, ms").isLessThan(5_000.0);
  }
}
