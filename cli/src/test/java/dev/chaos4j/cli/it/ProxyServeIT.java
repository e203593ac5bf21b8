package dev.chaos4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code chaos proxy serve} as a real process of the built jar: it serves until a real signal, then
 * exits 0 and frees its ports; a port in use stops it at once with one line.
 */
class ProxyServeIT {
  private static final Pattern READY =
      Pattern.compile(
          "Fault proxy API on http://127\\.0\\.0\\.1:(\\d+), proxies: web 127\\.0\\.0\\.1:(\\d+)"
              + " -> ");

  @TempDir Path dir;
  private HttpServer upstream;
  private Process chaos;
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
  void cleanUp() {
    if (chaos != null) {
      chaos.destroyForcibly();
    }
    upstream.stop(0);
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
    return response.body();
  }

  /** Waits for the line saying the proxy serves; returns its match (API port, proxy port). */
  private Matcher awaitReady() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      String err = Files.exists(stderr) ? Files.readString(stderr) : "";
      Matcher ready = READY.matcher(err);
      if (ready.find()) {
        return ready;
      }
      assertThat(chaos.isAlive()).as("serve ended before it was ready: %s", err).isTrue();
      assertThat(System.nanoTime()).as("serve never became ready").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void servesUntilASignalThenExitsZeroAndFreesItsPorts(String signal) throws Exception {
    Files.writeString(
        dir.resolve("proxies.json"),
        "[{\"name\": \"web\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"127.0.0.1:"
            + upstream.getAddress().getPort()
            + "\"}]");
    chaos = ChaosProcess.start(dir, "proxy", "serve", "--port", "0", "--config", "proxies.json");
    Matcher ready = awaitReady();
    int apiPort = Integer.parseInt(ready.group(1));
    int proxyPort = Integer.parseInt(ready.group(2));
    assertThat(get("http://127.0.0.1:" + apiPort + "/proxies")).contains("\"name\":\"web\"");
    assertThat(get("http://127.0.0.1:" + proxyPort + "/")).isEqualTo("hello from upstream");

    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(chaos.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isEqualTo(0);

    assertThat(chaos.waitFor(20, TimeUnit.SECONDS)).as("serve ended after SIG" + signal).isTrue();
    assertThat(chaos.exitValue()).isEqualTo(0);
    assertThat(Files.readString(dir.resolve("stderr.txt")))
        .contains("SIG" + signal + " received: closing the fault proxy", "Fault proxy stopped");
    assertRefused(apiPort);
    assertRefused(proxyPort);
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .as("port %d is still open", port)
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aPortInUseIsOneLineAndExitCodeOne() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ChaosProcess.Result result =
          ChaosProcess.run(dir, "proxy", "serve", "--port", Integer.toString(busy.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.stderr().lines())
          .singleElement()
          .asString()
          .endsWith(
              "Fault proxy not started: cannot listen on 127.0.0.1:"
                  + busy.getLocalPort()
                  + ": address already in use");
    }
  }
}
