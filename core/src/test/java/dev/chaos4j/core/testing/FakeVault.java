package dev.chaos4j.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server speaking the part of Vault's HTTP API the client uses: AppRole and Kubernetes
 * logins, KV version 1 and 2 reads, {@code X-Vault-Token} checks, Vault's JSON shapes and errors.
 */
public final class FakeVault implements AutoCloseable {
  /** One request as the server saw it. */
  public record Request(String method, String path, String token, String body) {}

  private final HttpServer server;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, Object>> kv1 = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> kv2 = new ConcurrentHashMap<>();
  private final Map<String, String[]> appRoles = new ConcurrentHashMap<>();
  private final Map<String, String[]> kubernetesRoles = new ConcurrentHashMap<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeVault() throws IOException {
    this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  public FakeVault(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  public String address() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeVault token(String token) {
    tokens.add(token);
    return this;
  }

  /** A KV version 2 secret at {@code <mount>/data/<path>}. */
  public FakeVault kv2(String mount, String path, Map<String, Object> data) {
    kv2.put("/v1/" + mount + "/data/" + path, data);
    return this;
  }

  /** A KV version 1 secret at {@code <mount>/<path>}. */
  public FakeVault kv1(String mount, String path, Map<String, Object> data) {
    kv1.put("/v1/" + mount + "/" + path, data);
    return this;
  }

  /** An AppRole whose login yields {@code token}. */
  public FakeVault appRole(String roleId, String secretId, String token) {
    appRoles.put(roleId, new String[] {secretId, token});
    return this;
  }

  /** A Kubernetes role on {@code mount} whose login with {@code jwt} yields {@code token}. */
  public FakeVault kubernetesRole(String mount, String role, String jwt, String token) {
    kubernetesRoles.put(mount + "/" + role, new String[] {jwt, token});
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
    requests.add(new Request(exchange.getRequestMethod(), path, token, body));
    try (exchange) {
      if (exchange.getRequestMethod().equals("POST") && path.startsWith("/v1/auth/")) {
        login(exchange, path, body);
      } else if (exchange.getRequestMethod().equals("GET")) {
        read(exchange, path, token);
      } else {
        reply(exchange, 405, Map.of("errors", List.of("unsupported operation")));
      }
    }
  }

  private void login(HttpExchange exchange, String path, String body) throws IOException {
    Map<?, ?> payload = (Map<?, ?>) Json.parseTrusted(body);
    String issued = null;
    if (path.equals("/v1/auth/approle/login")) {
      String[] role = appRoles.get(String.valueOf(payload.get("role_id")));
      if (role != null && role[0].equals(payload.get("secret_id"))) {
        issued = role[1];
      }
    } else if (path.endsWith("/login")) {
      String mount = path.substring("/v1/auth/".length(), path.length() - "/login".length());
      String[] role = kubernetesRoles.get(mount + "/" + payload.get("role"));
      if (role == null && kubernetesRoles.keySet().stream().noneMatch(k -> k.startsWith(mount))) {
        reply(exchange, 404, Map.of("errors", List.of()));
        return;
      }
      if (role != null && role[0].equals(payload.get("jwt"))) {
        issued = role[1];
      }
    }
    if (issued == null) {
      reply(exchange, 400, Map.of("errors", List.of("invalid role or secret ID")));
      return;
    }
    tokens.add(issued);
    reply(
        exchange,
        200,
        Map.of(
            "request_id",
            "b6c5d7e0",
            "auth",
            Map.of("client_token", issued, "policies", List.of("default"), "renewable", true)));
  }

  private void read(HttpExchange exchange, String path, String token) throws IOException {
    if (token == null || !tokens.contains(token)) {
      reply(exchange, 403, Map.of("errors", List.of("permission denied")));
      return;
    }
    if (kv2.containsKey(path)) {
      reply(
          exchange,
          200,
          Map.of(
              "request_id",
              "0c9d1a2b",
              "lease_duration",
              0,
              "data",
              Map.of(
                  "data",
                  kv2.get(path),
                  "metadata",
                  Map.of("version", 1, "deletion_time", "", "destroyed", false))));
    } else if (kv1.containsKey(path)) {
      reply(
          exchange,
          200,
          Map.of("request_id", "3e4f", "lease_duration", 2764800, "data", kv1.get(path)));
    } else {
      reply(exchange, 404, Map.of("errors", List.of()));
    }
  }

  private static void reply(HttpExchange exchange, int status, Object json) throws IOException {
    byte[] bytes = Json.compact(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
