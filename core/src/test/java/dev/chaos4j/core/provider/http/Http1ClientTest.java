package dev.chaos4j.core.provider.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plain-http transport against real loopback servers that misbehave on demand. */
class Http1ClientTest {
  private static final HttpTimeouts TIMEOUTS =
      new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
  private static final HttpTimeouts SHORT =
      new HttpTimeouts(Duration.ofMillis(300), Duration.ofMillis(300));

  private final Http1Client client = new Http1Client();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    client.close();
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  @Test
  void chunkedBodiesAreReassembledWithExtensionsAndTrailersDropped() throws Exception {
    RawHttpServer server =
        server(
            ex ->
                ex.write(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n"));
    for (int i = 0; i < 2; i++) {
      Response response = send("GET", server.url() + "/", null, TIMEOUTS);
      assertThat(text(response)).isEqualTo("hello, world");
      assertThat(response.header("X-Trailer")).isNull();
    }
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void oneConnectionCarriesEveryRequestToTheSameHostAndPort() throws Exception {
    RawHttpServer server = server(ex -> ex.respond(200, "answer " + ex.index()));
    for (int i = 1; i <= 20; i++) {
      assertThat(text(send("GET", server.url() + "/n", null, TIMEOUTS))).isEqualTo("answer " + i);
    }
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void anIdleConnectionTheServerClosedIsReplacedBeforeUse() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    RawHttpServer server =
        server(
            ex -> {
              ex.respond(200, "from connection " + ex.connection());
              ex.close(); // without saying so in the response
              closed.countDown();
            });
    assertThat(text(send("GET", server.url(), null, TIMEOUTS))).isEqualTo("from connection 1");
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    // a POST too: nothing was sent on the closed connection, nothing is sent twice
    assertThat(text(send("POST", server.url(), "x=1", TIMEOUTS))).isEqualTo("from connection 2");
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void anIdempotentRequestLostAsTheServerClosesItsConnectionIsSentOnceMore() throws Exception {
    RawHttpServer server = server(Http1ClientTest::closeOnSecondRequest);
    assertThat(text(send("GET", server.url(), null, TIMEOUTS))).isEqualTo("from connection 1");
    assertThat(text(send("PUT", server.url(), "v", TIMEOUTS))).isEqualTo("from connection 2");
    assertThat(server.received())
        .extracting(RawHttpServer.Exchange::requestLine)
        .containsExactly("GET / HTTP/1.1", "PUT / HTTP/1.1", "PUT / HTTP/1.1");
  }

  @Test
  void aPostLostAsTheServerClosesItsConnectionIsNotSentAgain() throws Exception {
    RawHttpServer server = server(Http1ClientTest::closeOnSecondRequest);
    send("GET", server.url(), null, TIMEOUTS);
    assertThatThrownBy(() -> send("POST", server.url(), "order=1", TIMEOUTS))
        .isInstanceOfSatisfying(
            ExchangeFailure.class, f -> assertThat(f.kind()).isEqualTo(ExchangeFailure.Kind.BROKEN))
        .hasMessage("the server closed the connection without sending a response");
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aConnectionThatCannotBeMadeInTimeFailsAsAConnectTimeout() throws Exception {
    try (FullBacklog listener = new FullBacklog()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> send("GET", listener.url(), null, SHORT))
          .isInstanceOfSatisfying(
              ExchangeFailure.class,
              f -> assertThat(f.kind()).isEqualTo(ExchangeFailure.Kind.CONNECT))
          .hasMessage("connection timed out");
      assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void aRefusedConnectionIsAConnectFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThatThrownBy(() -> send("GET", "http://127.0.0.1:" + port, null, TIMEOUTS))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(ExchangeFailure.Kind.CONNECT))
        .hasMessageContaining("refused");
  }

  @Test
  void aSilentServerTimesOutAfterTheReadTimeout() throws Exception {
    RawHttpServer server = server(ex -> Thread.sleep(30_000));
    long start = System.nanoTime();
    assertThatThrownBy(() -> send("GET", server.url(), null, SHORT))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(ExchangeFailure.Kind.TIMEOUT));
    assertThat(elapsed(start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
  }

  @Test
  void aServerSilentInTheMiddleOfTheBodyTimesOut() throws Exception {
    RawHttpServer server =
        server(
            ex -> {
              ex.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf ");
              Thread.sleep(30_000);
            });
    assertThatThrownBy(() -> send("GET", server.url(), null, SHORT))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(ExchangeFailure.Kind.TIMEOUT));
  }

  @Test
  void interruptionEndsTheWaitForAResponseAtOnceAndClosesTheConnection() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    CountDownLatch clientClosed = new CountDownLatch(1);
    RawHttpServer server =
        server(
            ex -> {
              requested.countDown();
              if (ex.socket().getInputStream().read() < 0) {
                clientClosed.countDown();
              }
            });
    Blocked call = Blocked.start(() -> send("GET", server.url(), null, TIMEOUTS));
    assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();
    call.interruptAndAwait();
    assertThat(clientClosed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void interruptionEndsAConnectAttemptAtOnce() throws Exception {
    try (FullBacklog listener = new FullBacklog()) {
      HttpTimeouts slowConnect = new HttpTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60));
      Blocked call = Blocked.start(() -> send("GET", listener.url(), null, slowConnect));
      Thread.sleep(200); // let it reach the wait for the connection
      call.interruptAndAwait();
    }
  }

  @Test
  void largeBodiesArriveWholeWhateverTheirFraming() throws Exception {
    byte[] large = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(large);
    RawHttpServer server =
        server(
            ex -> {
              switch (ex.requestLine().split(" ")[1]) {
                case "/length" -> {
                  ex.write("HTTP/1.1 200 OK\r\nContent-Length: " + large.length + "\r\n\r\n");
                  ex.write(large);
                }
                case "/chunked" -> {
                  ex.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                  ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                  for (int at = 0; at < large.length; at += 65_000) {
                    int n = Math.min(65_000, large.length - at);
                    chunks.write((Integer.toHexString(n) + "\r\n").getBytes(ISO_8859_1));
                    chunks.write(large, at, n);
                    chunks.write("\r\n".getBytes(ISO_8859_1));
                  }
                  chunks.write("0\r\n\r\n".getBytes(ISO_8859_1));
                  ex.write(chunks.toByteArray());
                }
                default -> {
                  ex.write("HTTP/1.1 200 OK\r\n\r\n");
                  ex.write(large);
                  ex.close();
                }
              }
            });
    for (String path : List.of("/length", "/chunked", "/to-the-end", "/length")) {
      assertThat(send("GET", server.url() + path, null, TIMEOUTS).body()).isEqualTo(large);
    }
    // the body read to the end of its connection took that connection with it
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aLargeRequestBodyIsSentWhole() throws Exception {
    RawHttpServer server = server(ex -> ex.respond(200, String.valueOf(ex.body().length())));
    String body = "x".repeat(3 * 1024 * 1024);
    assertThat(text(send("POST", server.url(), body, TIMEOUTS)))
        .isEqualTo(String.valueOf(body.length()));
    assertThat(text(send("PUT", server.url(), "small", TIMEOUTS))).isEqualTo("5");
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aServerThatStopsTakingALargeRequestBodyTimesOut() throws Exception {
    try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  accepted.add(deaf.accept()); // and never read from it
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.start();
      String body = "x".repeat(64 * 1024 * 1024);
      long start = System.nanoTime();
      assertThatThrownBy(() -> send("POST", "http://127.0.0.1:" + deaf.getLocalPort(), body, SHORT))
          .isInstanceOfSatisfying(
              ExchangeFailure.class,
              f -> assertThat(f.kind()).isEqualTo(ExchangeFailure.Kind.TIMEOUT));
      assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(5));
      acceptor.join(5000);
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void repeatedAndFoldedHeadersAreKeptAsReceived() throws Exception {
    RawHttpServer server =
        server(
            ex ->
                ex.write(
                    "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX-Folded: one\r\n  two\r\n"
                        + "set-cookie: b=2\r\nContent-Length: 0\r\n\r\n"));
    Response response = send("GET", server.url(), null, TIMEOUTS);
    assertThat(response.headers())
        .containsExactly(
            new Header("Set-Cookie", "a=1"),
            new Header("X-Folded", "one two"),
            new Header("set-cookie", "b=2"),
            new Header("Content-Length", "0"));
    @SuppressWarnings("unchecked")
    Map<String, Object> output =
        (Map<String, Object>) ResponseOutput.of(response, server.url()).get("headers");
    assertThat(output)
        .containsExactly(
            entry("Content-Length", "0"),
            entry("Set-Cookie", "a=1, b=2"),
            entry("X-Folded", "one two"));
  }

  @Test
  void responsesWithoutBodyLeaveTheConnectionReadyForTheNext() throws Exception {
    RawHttpServer server =
        server(
            ex -> {
              switch (ex.index()) {
                case 1 -> ex.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"); // HEAD
                case 2 -> ex.write("HTTP/1.1 204 No Content\r\n\r\n");
                case 3 -> ex.write("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n");
                default -> ex.respond(200, "after");
              }
            });
    assertThat(send("HEAD", server.url(), null, TIMEOUTS).body()).isEmpty();
    assertThat(send("DELETE", server.url(), null, TIMEOUTS).status()).isEqualTo(204);
    assertThat(send("GET", server.url(), null, TIMEOUTS).status()).isEqualTo(304);
    assertThat(text(send("GET", server.url(), null, TIMEOUTS))).isEqualTo("after");
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void interimResponsesAreSkipped() throws Exception {
    RawHttpServer server =
        server(
            ex ->
                ex.write(
                    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
                        + "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone"));
    Response response = send("POST", server.url(), "x", TIMEOUTS);
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Link")).isNull();
    assertThat(text(response)).isEqualTo("done");
  }

  @Test
  void aConnectionEitherSideWantsClosedIsNotReused() throws Exception {
    RawHttpServer server =
        server(
            ex -> {
              switch (ex.requestLine().split(" ")[1]) {
                case "/close" ->
                    ex.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
                case "/http10" -> ex.write("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
                default -> ex.respond(200, "ok");
              }
            });
    send("GET", server.url() + "/close", null, TIMEOUTS);
    send("GET", server.url() + "/http10", null, TIMEOUTS);
    client.send(
        new Request(
            "GET", URI.create(server.url()), List.of(new Header("Connection", "close")), null),
        TIMEOUTS,
        true);
    send("GET", server.url(), null, TIMEOUTS);
    assertThat(server.connections()).isEqualTo(4);
  }

  @Test
  void requestsCarryHostAndTheContentLengthPythonRequestsWouldSend() throws Exception {
    RawHttpServer server = server(ex -> ex.respond(200, "ok"));
    send("GET", server.url() + "/a?b=c", null, TIMEOUTS);
    send("POST", server.url() + "/p", "x=1", TIMEOUTS);
    send("DELETE", server.url() + "/d", null, TIMEOUTS);
    List<RawHttpServer.Exchange> received = server.received();
    assertThat(received.get(0).requestLine()).isEqualTo("GET /a?b=c HTTP/1.1");
    assertThat(received.get(0).header("Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(received.get(0).header("Content-Length")).isNull();
    assertThat(received.get(1).header("Content-Length")).isEqualTo("3");
    assertThat(received.get(1).body()).isEqualTo("x=1");
    assertThat(received.get(2).header("Content-Length")).isEqualTo("0");
  }

  @Test
  void responsesThatAreNotHttpFailTheExchange() throws Exception {
    RawHttpServer server =
        server(
            ex -> {
              switch (ex.requestLine().split(" ")[1]) {
                case "/garbage" -> ex.write("SSH-2.0-OpenSSH_9.2\r\n\r\n");
                case "/lengths" ->
                    ex.write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc");
                default -> {
                  ex.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\ncut short");
                  ex.close();
                }
              }
            });
    assertThatThrownBy(() -> send("GET", server.url() + "/garbage", null, TIMEOUTS))
        .hasMessage("invalid status line 'SSH-2.0-OpenSSH_9.2'");
    assertThatThrownBy(() -> send("GET", server.url() + "/lengths", null, TIMEOUTS))
        .hasMessage("invalid Content-Length '3'");
    assertThatThrownBy(() -> send("GET", server.url() + "/cut", null, TIMEOUTS))
        .isInstanceOfSatisfying(
            ExchangeFailure.class, f -> assertThat(f.kind()).isEqualTo(ExchangeFailure.Kind.BROKEN))
        .hasMessage("the server closed the connection in the middle of the response");
  }

  private static void closeOnSecondRequest(RawHttpServer.Exchange ex) throws IOException {
    if (ex.connection() == 1 && ex.index() == 2) {
      ex.close(); // the request arrived just as the server gave up the connection
    } else {
      ex.respond(200, "from connection " + ex.connection());
    }
  }

  private RawHttpServer server(RawHttpServer.Handler handler) throws IOException {
    RawHttpServer server = new RawHttpServer(handler);
    servers.add(server);
    return server;
  }

  private Response send(String method, String url, String body, HttpTimeouts timeouts)
      throws ExchangeFailure, InterruptedException {
    byte[] bytes = body == null ? null : body.getBytes(UTF_8);
    return client.send(new Request(method, URI.create(url), List.of(), bytes), timeouts, true);
  }

  private static String text(Response response) {
    return new String(response.body(), UTF_8);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** A call made on another thread, to be interrupted. */
  private static final class Blocked {
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();
    private final AtomicBoolean flagKept = new AtomicBoolean();
    private final Thread thread;

    private Blocked(Call call) {
      thread =
          new Thread(
              () -> {
                try {
                  call.run();
                } catch (Throwable e) {
                  thrown.set(e);
                  flagKept.set(Thread.currentThread().isInterrupted());
                }
              });
      thread.start();
    }

    static Blocked start(Call call) {
      return new Blocked(call);
    }

    /** Interrupts the call and checks that it ends promptly, interrupted, its flag kept. */
    void interruptAndAwait() throws InterruptedException {
      long start = System.nanoTime();
      thread.interrupt();
      thread.join(5000);
      assertThat(thread.isAlive()).isFalse();
      assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(2));
      assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
      assertThat(flagKept).isTrue();
    }

    @FunctionalInterface
    interface Call {
      void run() throws Exception;
    }
  }

  /**
   * A listening socket whose accept queue is full, so that connection attempts to it wait until
   * they time out.
   */
  private static final class FullBacklog implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> fillers = new ArrayList<>();

    FullBacklog() throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      InetSocketAddress address =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
      for (int i = 0; i < 16; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(address, 300);
          fillers.add(filler);
        } catch (SocketTimeoutException full) {
          filler.close();
          return;
        }
      }
      throw new IllegalStateException("the accept queue never filled up");
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket filler : fillers) {
        filler.close();
      }
    }
  }
}
