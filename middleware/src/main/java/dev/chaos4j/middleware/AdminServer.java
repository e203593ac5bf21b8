package dev.chaos4j.middleware;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.middleware.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin HTTP API, on its own loopback port (the JDK's HTTP server, one thread): it stays
 * reachable when delay attacks hold every request thread of the application, and it is not one of
 * the application's routes. Every call needs {@code Authorization: Bearer <token>}.
 *
 * <pre>
 * GET    {base}/status           the middleware's state
 * POST   {base}/enable           switch on
 * POST   {base}/disable          switch off: every attack disarmed, delays in progress cut short
 * GET    {base}/attacks          list
 * POST   {base}/attacks          create (201)
 * DELETE {base}/attacks          delete every local attack
 * GET    {base}/attacks/{id}     one attack
 * PUT    {base}/attacks/{id}     replace its definition (counters kept)
 * DELETE {base}/attacks/{id}     delete
 * </pre>
 */
final class AdminServer {

  private final ChaosMiddleware middleware;
  private final MiddlewareConfig config;
  private final byte[] tokenDigest;
  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(ChaosMiddleware middleware, MiddlewareConfig config) throws IOException {
    this.middleware = middleware;
    this.config = config;
    this.tokenDigest = sha256(config.adminToken());
    this.server =
        HttpServer.create(new InetSocketAddress(config.adminBind(), config.adminPort()), 16);
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "chaos4j-middleware-admin");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(config.adminPath(), this::handle);
  }

  /**
   * Listens on the configured address and port.
   *
   * @throws UncheckedIOException saying which address could not be bound
   */
  static AdminServer start(ChaosMiddleware middleware, MiddlewareConfig config) {
    try {
      AdminServer admin = new AdminServer(middleware, config);
      admin.server.start();
      return admin;
    } catch (IOException e) {
      throw new UncheckedIOException(
          MiddlewareConfig.PREFIX
              + "admin.port: cannot listen on "
              + config.adminBind()
              + ":"
              + config.adminPort()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"chaos4j\"");
        send(exchange, 401, error("a valid 'Authorization: Bearer <token>' header is required"));
        return;
      }
      String path = exchange.getRequestURI().getPath().substring(config.adminPath().length());
      try {
        route(exchange, exchange.getRequestMethod(), path);
      } catch (Refused e) {
        send(exchange, e.status, error(e.getMessage()));
      } catch (Json.JsonException e) {
        send(exchange, 400, error(e.getMessage()));
      } catch (InvalidAttackException e) {
        send(exchange, 422, error(e.getMessage()));
      } catch (NoSuchElementException e) {
        send(exchange, 404, error(e.getMessage()));
      } catch (IllegalStateException e) {
        send(exchange, 409, error(e.getMessage()));
      } catch (RuntimeException e) {
        send(exchange, 500, error("internal error: " + e));
      }
    }
  }

  private void route(HttpExchange exchange, String method, String path) throws IOException {
    switch (path) {
      case "/status" -> {
        if (allow(exchange, method, "GET")) {
          send(exchange, 200, middleware.status().toMap());
        }
      }
      case "/enable", "/disable" -> {
        if (allow(exchange, method, "POST")) {
          if (path.equals("/enable")) {
            middleware.enable();
          } else {
            middleware.disable();
          }
          send(exchange, 200, middleware.status().toMap());
        }
      }
      case "/attacks", "/attacks/" -> attacks(exchange, method);
      default -> {
        if (path.startsWith("/attacks/")) {
          attack(exchange, method, path.substring("/attacks/".length()));
        } else {
          send(exchange, 404, error("no such endpoint: " + exchange.getRequestURI().getPath()));
        }
      }
    }
  }

  private void attacks(HttpExchange exchange, String method) throws IOException {
    switch (method) {
      case "GET" -> {
        List<Object> list = new ArrayList<>();
        for (AttackStatus status : middleware.attacks()) {
          list.add(status.toMap());
        }
        send(exchange, 200, Map.of("attacks", list));
      }
      case "POST" -> send(exchange, 201, middleware.create(readAttack(exchange)).toMap());
      case "DELETE" -> send(exchange, 200, Map.of("deleted", middleware.clear()));
      default -> allow(exchange, method, "GET, POST, DELETE");
    }
  }

  private void attack(HttpExchange exchange, String method, String id) throws IOException {
    switch (method) {
      case "GET" -> {
        AttackStatus status =
            middleware
                .attack(id)
                .orElseThrow(() -> new NoSuchElementException("no attack '" + id + "'"));
        send(exchange, 200, status.toMap());
      }
      case "PUT" -> {
        AttackSpec spec = readAttack(exchange);
        if (spec.id() != null && !spec.id().equals(id)) {
          throw new InvalidAttackException(
              "the body's id '" + spec.id() + "' differs from the path's '" + id + "'");
        }
        send(exchange, 200, middleware.update(spec.withId(id)).toMap());
      }
      case "DELETE" -> {
        if (!middleware.delete(id)) {
          throw new NoSuchElementException("no attack '" + id + "'");
        }
        send(exchange, 200, Map.of("deleted", 1));
      }
      default -> allow(exchange, method, "GET, PUT, DELETE");
    }
  }

  /** Whether the method is allowed; answers 405 when it is not. */
  private static boolean allow(HttpExchange exchange, String method, String allowed)
      throws IOException {
    if (List.of(allowed.split(", ")).contains(method)) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", allowed);
    send(exchange, 405, error(method + " is not allowed here; allowed: " + allowed));
    return false;
  }

  private AttackSpec readAttack(HttpExchange exchange) throws IOException {
    Object document = Json.parse(readBody(exchange));
    if (!(document instanceof Map<?, ?>)) {
      throw new InvalidAttackException("the body must be a JSON object (an attack)");
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> json = (Map<String, ?>) document;
    return AttackSpec.fromMap(json);
  }

  private String readBody(HttpExchange exchange) throws IOException {
    int limit = config.adminMaxBodyBytes();
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limit) {
          throw tooLarge(limit);
        }
      } catch (NumberFormatException e) {
        throw new Refused(400, "invalid Content-Length");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + n > limit) {
          throw tooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Comparing digests keeps the comparison constant-time whatever the lengths.
    return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).trim()));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static Map<String, Object> error(String message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", message);
    return out;
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Refused tooLarge(int limit) {
    return new Refused(
        413,
        "the body is larger than "
            + limit
            + " bytes ("
            + MiddlewareConfig.PREFIX
            + "admin.max-body-bytes)");
  }

  /** A request refused with a status of its own. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
