package dev.chaos4j.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.cli.CliRunner;
import dev.chaos4j.cli.Main;
import dev.chaos4j.core.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chaos proxy serve} in-process: the API, proxied traffic, a clean stop, start failures. */
class ProxyServeCommandTest {
  private static final Pattern READY =
      Pattern.compile(
          "Fault proxy API on http://127\\.0\\.0\\.1:(\\d+), proxies: web 127\\.0\\.0\\.1:(\\d+)"
              + " -> 127\\.0\\.0\\.1:\\d+\\n");

  @TempDir Path dir;
  private HttpServer upstream;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] body = "hello from upstream".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  private Path config() throws IOException {
    Path config = dir.resolve("proxies.json");
    Files.writeString(
        config,
        "[{\"name\": \"web\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"127.0.0.1:"
            + upstream.getAddress().getPort()
            + "\"}]");
    return config;
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheConfiguredProxiesUntilStoppedThenClosesEveryConnectionAndPort() throws Exception {
    Path config = config();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving;
    Matcher ready;
    PrintStream err = System.err;
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    try {
      serving =
          new Thread(
              () ->
                  exit.set(
                      Main.commandLine()
                          .execute(
                              "--no-log-file",
                              "proxy",
                              "serve",
                              "--port",
                              "0",
                              "--config",
                              config.toString())));
      serving.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!(ready = READY.matcher(errBytes.toString(StandardCharsets.UTF_8))).find()) {
        assertThat(serving.isAlive()).as("serve ended early: %s", errBytes).isTrue();
        assertThat(System.nanoTime()).as("serve never became ready").isLessThan(deadline);
        Thread.sleep(10);
      }
    } finally {
      System.setErr(err);
    }
    int apiPort = Integer.parseInt(ready.group(1));
    int proxyPort = Integer.parseInt(ready.group(2));

    try {
      HttpResponse<String> proxies = get("http://127.0.0.1:" + apiPort + "/proxies");
      assertThat(proxies.statusCode()).isEqualTo(200);
      assertThat(proxies.body()).contains("\"name\":\"web\"", "\"enabled\":true");
      assertThat(get("http://127.0.0.1:" + proxyPort + "/").body())
          .isEqualTo("hello from upstream");

      try (Socket held = new Socket(InetAddress.getLoopbackAddress(), proxyPort)) {
        held.setSoTimeout(10_000);
        serving.interrupt();
        serving.join(Duration.ofSeconds(30).toMillis());

        assertThat(serving.isAlive()).as("serve still running after the stop request").isFalse();
        assertThat(exit.get()).isEqualTo(0);
        assertThat(endOfStream(held)).as("the proxied connection was closed").isTrue();
      }
    } finally {
      serving.interrupt();
      serving.join(Duration.ofSeconds(30).toMillis());
      Log.clearSinks();
    }
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("Fault proxy stopped");
    assertRefused(apiPort);
    assertRefused(proxyPort);
  }

  /** True when the peer closed the connection (an orderly end or a reset). */
  private static boolean endOfStream(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .as("port %d is still open", port)
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aBusyPortIsOneClearLineAndExitCodeOne() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRunner.Result result =
          CliRunner.chaos(
              "--no-log-file", "proxy", "serve", "--port", Integer.toString(busy.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err().lines())
          .singleElement()
          .asString()
          .endsWith(
              "ERROR] Fault proxy not started: cannot listen on 127.0.0.1:"
                  + busy.getLocalPort()
                  + ": address already in use");
    }
  }

  @Test
  void aBrokenConfigFileIsOneClearLineNamingItAndNothingKeepsRunning() throws Exception {
    Path config = dir.resolve("broken.json");
    Files.writeString(config, "[{\"name\": \"web\", \"listen\": \"127.0.0.1:0\"}]");

    CliRunner.Result result =
        CliRunner.chaos(
            "--no-log-file", "proxy", "serve", "--port", "0", "--config", "broken.json");

    // resolved against the working directory, as every path of the command line
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .endsWith("ERROR] Fault proxy not started: no proxy config file at " + cwd("broken.json"));

    result =
        CliRunner.chaos(
            "--no-log-file", "proxy", "serve", "--port", "0", "--config", config.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .endsWith(
            "ERROR] Fault proxy not started: proxy config "
                + config
                + ": missing required field: upstream at proxy 1");
    assertThat(proxyThreadsGone()).as("threads of the proxy still running").isTrue();
  }

  private static Path cwd(String name) {
    return Path.of("").toAbsolutePath().resolve(name);
  }

  private static boolean proxyThreadsGone() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (Thread.getAllStackTraces().keySet().stream()
          .noneMatch(t -> t.isAlive() && t.getName().startsWith("chaos4j-proxy"))) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    CliRunner.Result result = CliRunner.chaos("--no-log-file", "proxy", "serve", "--port", "70000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("Invalid value for option '--port': 70000 is not a port number (0 to 65535)");
  }

  @Test
  void proxyAloneShowsItsSubCommands() {
    CliRunner.Result result = CliRunner.chaos("proxy");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out()).contains("serve", "Run the fault proxy in the foreground");
  }
}
