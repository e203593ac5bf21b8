package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.proxy.FaultProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ToxiproxyClientTest {

  @Test
  void anErrorCarriesTheServersMessageTheStatusAndTheCall() {
    try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0)) {
      ToxiproxyClient client = new ToxiproxyClient(server.url().toString());

      ToxiproxyError error =
          catchThrowableOfType(ToxiproxyError.class, () -> client.proxy("nobody"));

      assertThat(error.status()).isEqualTo(404);
      assertThat(error.notFound()).isTrue();
      assertThat(error.getMessage())
          .isEqualTo(
              "Toxiproxy at "
                  + server.url().toString().replaceAll("/$", "")
                  + " answered GET /proxies/nobody with HTTP 404: proxy not found");
    }
  }

  @Test
  void namesAreSentAsOnePathSegment() throws Exception {
    try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0)) {
      ToxiproxyClient client = new ToxiproxyClient(server.url().toString());

      ToxiproxyError error =
          catchThrowableOfType(ToxiproxyError.class, () -> client.proxy("a/b c"));

      assertThat(error.getMessage()).contains("GET /proxies/a%2Fb%20c");
    }
  }

  @Test
  void aServerThatIsNotThereIsOneLineNamingItsUrl() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ToxiproxyClient client = new ToxiproxyClient("127.0.0.1:" + port);

    ToxiproxyError error = catchThrowableOfType(ToxiproxyError.class, client::proxies);

    assertThat(error.answered()).isFalse();
    assertThat(error.getMessage())
        .startsWith("cannot reach Toxiproxy at http://127.0.0.1:" + port + " (GET /proxies): ")
        .doesNotContain("\n");
  }

  @Test
  void aServerThatDoesNotAnswerIsGivenUpOnAfterTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer silent =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    silent.createContext("/", exchange -> awaitQuietly(release));
    silent.start();
    try {
      ToxiproxyClient client =
          new ToxiproxyClient(
              "http://127.0.0.1:" + silent.getAddress().getPort(), Duration.ofMillis(300));

      ToxiproxyError error = catchThrowableOfType(ToxiproxyError.class, client::reset);

      assertThat(error.getMessage()).endsWith("did not answer POST /reset within 300 ms");
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }

  @Test
  void anErrorPageThatIsNotToxiproxysIsQuotedShortened() throws Exception {
    HttpServer gateway =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    gateway.createContext(
        "/",
        exchange -> {
          byte[] page =
              ("<html>\n<body>Bad gateway " + "x".repeat(500) + "</body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(502, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    gateway.start();
    try {
      ToxiproxyClient client =
          new ToxiproxyClient("http://127.0.0.1:" + gateway.getAddress().getPort() + "/toxi/");

      ToxiproxyError error =
          catchThrowableOfType(
              ToxiproxyError.class, () -> client.updateProxy("db", Map.of("enabled", false)));

      assertThat(error.status()).isEqualTo(502);
      assertThat(error.getMessage())
          .contains("/toxi answered POST /proxies/db with HTTP 502: <html> <body>Bad gateway xxx")
          .endsWith("...")
          .hasSizeLessThan(400);
    } finally {
      gateway.stop(0);
    }
  }

  @Test
  void aUrlWithoutSchemeIsHttpAndATrailingSlashIsDropped() {
    assertThat(new ToxiproxyClient("toxi.example:8474/").url().toString())
        .isEqualTo("http://toxi.example:8474");
    assertThat(new ToxiproxyClient("https://toxi.example/api/").url().toString())
        .isEqualTo("https://toxi.example/api");
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedInOneLine() {
    assertThatThrownBy(() -> new ToxiproxyClient("ftp://toxi.example"))
        .isInstanceOf(ChaosException.class)
        .hasMessage("invalid Toxiproxy API URL 'ftp://toxi.example': expected http://HOST:PORT");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
