package dev.chaos4j.core.provider.http;

import static dev.chaos4j.core.provider.http.HttpActivities.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.provider.ProviderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection failures, timeouts, retries, TLS, interruption and unusable fields. */
class HttpProviderFailureTest {
  private static final String TOO_LONG = "activity took too long to complete";

  @TempDir Path dir;
  private LoopbackServer server;
  private final HttpProvider provider = new HttpProvider();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRefusedConnectionFailsTheActivity() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/";
    assertThatThrownBy(() -> run("{\"url\": \"%s\"}".formatted(url)))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessageStartingWith("failed to connect to " + url + ": ")
        .hasMessageContaining("refused");
  }

  @Test
  void aRefusedConnectionIsRetriedMaxRetriesTimes() throws Exception {
    String url = "http://127.0.0.1:" + closedPort();
    assertThatThrownBy(() -> run("{\"url\": \"%s\", \"max_retries\": 2}".formatted(url)))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessageStartingWith("failed to connect to " + url + ": ")
        .hasMessageEndingWith("(3 attempts)");
  }

  @Test
  void anUnknownHostFailsTheActivity() {
    assertThatThrownBy(() -> run("{\"url\": \"http://no-such-host.invalid/\"}"))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessageStartingWith("failed to connect to http://no-such-host.invalid/: ");
  }

  @Test
  void aServerSlowerThanTheTimeoutFailsTheActivityInTime() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> run("{\"url\": \"%s/slow/5000\", \"timeout\": 0.3}", server.url()))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessage(TOO_LONG);
    assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void theReadTimeoutOfAConnectReadPairApplies() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> run("{\"url\": \"%s/slow/5000\", \"timeout\": [5, 0.3]}", server.url()))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessage(TOO_LONG);
    assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aBodyThatStallsLongerThanTheReadTimeoutFailsTheActivity() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> run("{\"url\": \"%s/stall-body/5000\", \"timeout\": 0.5}", server.url()))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessage(TOO_LONG);
    assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aBodyThatPausesWithinTheReadTimeoutIsReadWhole() {
    Map<?, ?> output = run("{\"url\": \"%s/stall-body/200\", \"timeout\": 2}", server.url());
    assertThat(output.get("body")).isEqualTo("first second");
  }

  @Test
  void theTimeoutMayComeFromTheConfiguration() {
    ProviderContext context =
        new ProviderContext(Map.of("t", "0.3"), Map.of(), dir, System.getenv());
    var activity =
        probe("{\"url\": \"%s/slow/5000\", \"timeout\": \"${t}\"}".formatted(server.url()));
    assertThatThrownBy(() -> provider.run(activity, context))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessage(TOO_LONG);
  }

  @Test
  void connectionAttemptsThatTimeOutAreRetried() throws Exception {
    try (SaturatedListener listener = new SaturatedListener()) {
      String url = "http://127.0.0.1:" + listener.port() + "/";
      assertThatThrownBy(() -> run("{\"url\": \"%s\", \"timeout\": [0.2, 5]}".formatted(url)))
          .isExactlyInstanceOf(ActivityFailed.class)
          .hasMessage("failed to connect to " + url + ": connection timed out");

      listener.answerAfter(Duration.ofMillis(600));
      Map<?, ?> output =
          run("{\"url\": \"%s\", \"timeout\": [0.2, 5], \"max_retries\": 25}".formatted(url));
      assertThat(output.get("body")).isEqualTo("late");
    }
  }

  @Test
  void anUntrustedCertificateFailsTheActivityUnlessVerificationIsOff() throws Exception {
    try (TlsServer tls = new TlsServer(dir)) {
      assertThatThrownBy(() -> run("{\"url\": \"%s\"}".formatted(tls.url())))
          .isExactlyInstanceOf(ActivityFailed.class)
          .hasMessageStartingWith("failed to connect to " + tls.url() + ": ");

      Map<?, ?> output = run("{\"url\": \"%s\", \"verify_tls\": false}".formatted(tls.url()));
      assertThat(output.get("body")).isEqualTo("secure");
    }
  }

  @Test
  void interruptionAbandonsTheRequestAndKeepsTheInterruptFlag() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.route(
        "/block",
        ex -> {
          requested.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          LoopbackServer.send(ex, 200, "text/plain", "too late");
        });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread runner =
        new Thread(
            () -> {
              try {
                run("{\"url\": \"%s/block\"}", server.url());
              } catch (Throwable e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    try {
      runner.start();
      assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();
      runner.interrupt();
      runner.join(5000);
      assertThat(runner.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(InterruptExecution.class);
      assertThat(flagKept).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void anAlreadyInterruptedThreadSendsNothing() {
    AtomicInteger requests = new AtomicInteger();
    server.route(
        "/count",
        ex -> {
          requests.incrementAndGet();
          LoopbackServer.send(ex, 200, "text/plain", "counted");
        });
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> run("{\"url\": \"%s/count\"}", server.url()))
          .isExactlyInstanceOf(InterruptExecution.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(run("{\"url\": \"%s/count\"}", server.url()).get("body")).isEqualTo("counted");
    assertThat(requests).hasValue(1);
  }

  @Test
  void anInvalidUrlAbortsTheRunNamingTheActivity() {
    assertThatThrownBy(() -> run("{\"url\": \"127.0.0.1:8080/health\"}"))
        .isExactlyInstanceOf(ChaosException.class)
        .hasMessageStartingWith("HTTP activity 'p': invalid URL '127.0.0.1:8080/health'");
  }

  @Test
  void anUnusableTimeoutAbortsTheRun() {
    assertThatThrownBy(() -> run("{\"url\": \"%s/text\", \"timeout\": \"soon\"}", server.url()))
        .isExactlyInstanceOf(ChaosException.class)
        .hasMessage(
            "HTTP activity 'p': HTTP timeout must be a number of seconds or a [connect, read]"
                + " pair, got 'soon'");
    assertThatThrownBy(() -> run("{\"url\": \"%s/text\", \"timeout\": 0}", server.url()))
        .isExactlyInstanceOf(ChaosException.class)
        .hasMessageContaining("greater than 0");
  }

  private Map<?, ?> run(String providerJson, Object... args) {
    return (Map<?, ?>)
        provider.run(probe(providerJson.formatted(args)), ProviderContext.empty(dir));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * A listening socket whose accept queue is full, so that new connection attempts time out; on
   * request it starts accepting again after a delay and answers one HTTP request.
   */
  private static final class SaturatedListener implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> fillers = new ArrayList<>();
    private Thread acceptor;

    SaturatedListener() throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      for (int i = 0; i < 16; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 300);
          fillers.add(filler);
        } catch (SocketTimeoutException full) {
          filler.close();
          return;
        }
      }
      throw new IllegalStateException("the accept queue never filled up");
    }

    int port() {
      return socket.getLocalPort();
    }

    void answerAfter(Duration delay) {
      acceptor =
          new Thread(
              () -> {
                try {
                  Thread.sleep(delay.toMillis());
                  while (!socket.isClosed()) {
                    try (Socket peer = socket.accept()) {
                      answer(peer);
                    }
                  }
                } catch (IOException | InterruptedException e) {
                  // closed by the test
                }
              });
      acceptor.start();
    }

    private static void answer(Socket peer) throws IOException {
      peer.setSoTimeout(300);
      InputStream in = peer.getInputStream();
      StringBuilder request = new StringBuilder();
      try {
        int c;
        while (request.indexOf("\r\n\r\n") < 0 && (c = in.read()) >= 0) {
          request.append((char) c);
        }
      } catch (SocketTimeoutException silent) {
        return; // a filler: it never sends a request
      }
      OutputStream out = peer.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n"
                  + "Connection: close\r\n\r\nlate")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      for (Socket filler : fillers) {
        filler.close();
      }
      if (acceptor != null) {
        acceptor.join(5000);
      }
    }
  }
}
