package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.middleware.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin HTTP API over a real loopback socket. */
class AdminApiTest {

  private static final String TOKEN = "admin-token-0123456789";
  private static final Map<String, String> NO_HEADERS = Map.of();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private ChaosMiddleware middleware;
  private URI base;

  @BeforeEach
  void start() {
    middleware =
        ChaosMiddleware.start(
            MiddlewareConfig.builder()
                .enabled(true)
                .identity("shop", "test", "pod-1")
                .readyAfter(Duration.ZERO)
                .admin(0, TOKEN)
                .adminMaxBodyBytes(2048)
                .build());
    InetSocketAddress address = middleware.adminAddress().orElseThrow();
    base = URI.create("http://127.0.0.1:" + address.getPort() + "/chaos4j");
  }

  @AfterEach
  void stop() {
    middleware.close();
  }

  private HttpResponse<String> call(String method, String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> call(String method, String path, String body) {
    return call(method, path, body, TOKEN);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> response) {
    return (Map<String, Object>) Json.parse(response.body());
  }

  private boolean attacks(String path) {
    AttackPlan plan = middleware.plan("GET", path, NO_HEADERS, Map::get);
    if (plan == null) {
      return false;
    }
    plan.close();
    return true;
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(middleware.adminAddress().orElseThrow().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void everyCallNeedsTheToken() {
    HttpResponse<String> none = call("GET", "/status", null, null);
    HttpResponse<String> wrong = call("GET", "/status", null, "admin-token-0123456780");
    HttpResponse<String> prefix = call("GET", "/status", null, TOKEN.substring(0, 10));
    HttpResponse<String> unknownPath = call("DELETE", "/attacks", null, null);

    for (HttpResponse<String> response : List.of(none, wrong, prefix, unknownPath)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
    assertThat(call("GET", "/status", null).statusCode()).isEqualTo(200);
  }

  @Test
  void createsListsReadsUpdatesAndDeletesAttacks() {
    HttpResponse<String> created =
        call(
            "POST",
            "/attacks",
            "{\"id\": \"orders\", \"route\": \"/api/orders\", \"methods\": [\"GET\"],"
                + " \"abort\": {\"status\": 503}, \"ttl\": \"2m\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created))
        .containsEntry("id", "orders")
        .containsEntry("state", "active")
        .containsEntry("source", "local")
        .containsEntry("ttl", "2m")
        .containsEntry("hits", 0L);
    assertThat(attacks("/api/orders")).isTrue();

    HttpResponse<String> list = call("GET", "/attacks", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat((List<?>) json(list).get("attacks")).hasSize(1);

    HttpResponse<String> one = call("GET", "/attacks/orders", null);
    assertThat(json(one)).containsEntry("hits", 1L);

    HttpResponse<String> updated =
        call("PUT", "/attacks/orders", "{\"route\": \"/api/carts\", \"delay\": {\"ms\": 10}}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(json(updated)).containsEntry("route", "/api/carts").containsEntry("hits", 1L);
    assertThat(attacks("/api/orders")).isFalse();
    assertThat(attacks("/api/carts")).isTrue();

    HttpResponse<String> deleted = call("DELETE", "/attacks/orders", null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(attacks("/api/carts")).isFalse();
    assertThat(call("GET", "/attacks/orders", null).statusCode()).isEqualTo(404);
  }

  @Test
  void deletesEveryAttackAtOnce() {
    call("POST", "/attacks", "{\"route\": \"/a\", \"abort\": {\"status\": 503}}");
    call("POST", "/attacks", "{\"route\": \"/b\", \"abort\": {\"status\": 503}}");

    HttpResponse<String> response = call("DELETE", "/attacks", null);

    assertThat(json(response)).containsEntry("deleted", 2L);
    assertThat(middleware.attacks()).isEmpty();
  }

  @Test
  void disableAndEnableFlipTheSwitch() {
    call("POST", "/attacks", "{\"abort\": {\"status\": 503}}");

    HttpResponse<String> disabled = call("POST", "/disable", null);
    assertThat(json(disabled)).containsEntry("armed", false).containsEntry("switchedOn", false);
    assertThat(attacks("/x")).isFalse();

    HttpResponse<String> enabled = call("POST", "/enable", null);
    assertThat(json(enabled)).containsEntry("armed", true);
    assertThat(attacks("/x")).isTrue();
  }

  @Test
  void statusDescribesTheInstance() {
    Map<String, Object> status = json(call("GET", "/status", null));

    assertThat(status)
        .containsEntry("enabled", true)
        .containsEntry("ready", true)
        .containsEntry("application", "shop")
        .containsEntry("environment", "test")
        .containsEntry("instance", "pod-1")
        .containsEntry("attacks", 0L);
  }

  @Test
  void refusesWhatItCannotAccept() {
    assertThat(call("POST", "/attacks", "{\"route\": ").statusCode()).isEqualTo(400);

    HttpResponse<String> typo =
        call("POST", "/attacks", "{\"probabilty\": 0.1, \"abort\": {\"status\": 503}}");
    assertThat(typo.statusCode()).isEqualTo(422);
    assertThat(json(typo).get("error").toString()).startsWith("unknown key 'probabilty'");

    HttpResponse<String> guardrail =
        call("POST", "/attacks", "{\"exception\": {\"type\": \"java.lang.Runtime\"}}");
    assertThat(guardrail.statusCode()).isEqualTo(422);

    call("POST", "/attacks", "{\"id\": \"x\", \"abort\": {\"status\": 503}}");
    assertThat(
            call("POST", "/attacks", "{\"id\": \"x\", \"abort\": {\"status\": 503}}").statusCode())
        .isEqualTo(409);
    assertThat(call("PUT", "/attacks/y", "{\"abort\": {\"status\": 503}}").statusCode())
        .isEqualTo(404);
    assertThat(
            call("PUT", "/attacks/x", "{\"id\": \"z\", \"abort\": {\"status\": 503}}").statusCode())
        .isEqualTo(422);
    assertThat(call("DELETE", "/attacks/y", null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/nothing", null).statusCode()).isEqualTo(404);

    HttpResponse<String> method = call("PATCH", "/attacks", "{}");
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
  }

  @Test
  void refusesABodyLargerThanTheLimit() {
    String padded = "{\"abort\": {\"status\": 503, \"body\": \"" + "x".repeat(3000) + "\"}}";

    HttpResponse<String> response = call("POST", "/attacks", padded);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("error").toString())
        .contains("chaos4j.middleware.admin.max-body-bytes");
    assertThat(middleware.attacks()).isEmpty();
  }

  @Test
  void refusesAChunkedBodyThatGrowsPastTheLimit() throws IOException {
    InetSocketAddress address = middleware.adminAddress().orElseThrow();
    try (Socket socket = new Socket("127.0.0.1", address.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request =
          new StringBuilder(
              "POST /chaos4j/attacks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + TOKEN
                  + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
      String chunk = "x".repeat(1000);
      for (int i = 0; i < 4; i++) {
        request
            .append(Integer.toHexString(chunk.length()))
            .append("\r\n")
            .append(chunk)
            .append("\r\n");
      }
      request.append("0\r\n\r\n");
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void closingTheMiddlewareClosesItsPort() {
    int port = middleware.adminAddress().orElseThrow().getPort();

    middleware.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aClosedMiddlewareRefusesChanges() {
    middleware.close();

    assertThatThrownBy(() -> middleware.create(AttackSpec.parse("{\"abort\": {\"status\": 503}}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the chaos4j middleware is closed");
    assertThat(middleware.isIdle()).isTrue();
  }

  @Test
  void anAdminPortNeedsALongEnoughToken() {
    assertThatThrownBy(() -> MiddlewareConfig.builder().enabled(true).admin(0, null).build())
        .hasMessage("chaos4j.middleware.admin.token is required when admin.port is set");
    assertThatThrownBy(() -> MiddlewareConfig.builder().enabled(true).admin(0, "short").build())
        .hasMessage("chaos4j.middleware.admin.token must be at least 16 characters");
  }
}
