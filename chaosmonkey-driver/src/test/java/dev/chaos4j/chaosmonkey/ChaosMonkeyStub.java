package dev.chaos4j.chaosmonkey;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's actuator on loopback speaking Chaos Monkey for Spring Boot's {@code chaosmonkey}
 * endpoint as 4.0 documents it (status, enable and disable answer the status object; the changes
 * answer a sentence; Spring's error object on 400 and 404), or, in legacy mode, as releases before
 * 2.2 did ({@code /watcher}; {@code /status} answering 200 "Ready to be evil!" or 503 "You switched
 * me off!"). It keeps the settings the calls change and records the requests.
 */
final class ChaosMonkeyStub implements AutoCloseable {
  private static final String BASE = "/actuator/chaosmonkey";

  /** One request as received. */
  record Request(
      String method, String path, String query, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final boolean legacy;
  private final String requiredAuthorization;
  final List<Request> requests = new ArrayList<>();
  boolean enabled;
  final Map<String, Object> assaults = defaultAssaults();
  final Map<String, Object> watchers = defaultWatchers();
  int runtimeAttacks;

  private ChaosMonkeyStub(boolean legacy, String requiredAuthorization) throws IOException {
    this.legacy = legacy;
    this.requiredAuthorization = requiredAuthorization;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Chaos Monkey for Spring Boot 4.0, no authentication. */
  static ChaosMonkeyStub current() throws IOException {
    return new ChaosMonkeyStub(false, null);
  }

  /** A release before 2.2. */
  static ChaosMonkeyStub legacy() throws IOException {
    return new ChaosMonkeyStub(true, null);
  }

  /** 4.0 behind Spring Security: every call needs this Authorization header. */
  static ChaosMonkeyStub secured(String authorization) throws IOException {
    return new ChaosMonkeyStub(false, authorization);
  }

  /** The base_url experiments give: the actuator's URL. */
  String actuatorUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator";
  }

  synchronized Request last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      requests.add(new Request(method, path, exchange.getRequestURI().getQuery(), headers, body));
      if (requiredAuthorization != null
          && !requiredAuthorization.equals(headers.get("authorization"))) {
        error(exchange, 401, "Unauthorized", path);
        return;
      }
      String endpoint = path.startsWith(BASE) ? path.substring(BASE.length()) : null;
      if (endpoint == null) {
        error(exchange, 404, "Not Found", path);
        return;
      }
      route(exchange, method, endpoint, body, path);
    }
  }

  private void route(
      HttpExchange exchange, String method, String endpoint, String body, String path)
      throws IOException {
    String watchersPath = legacy ? "/watcher" : "/watchers";
    switch (method + " " + endpoint) {
      case "GET " -> send(exchange, 200, Json.compact(settings()));
      case "GET /status" -> {
        if (legacy) {
          send(
              exchange,
              enabled ? 200 : 503,
              enabled ? "Ready to be evil!" : "You switched me off!");
        } else {
          send(exchange, 200, Json.compact(status()));
        }
      }
      case "POST /enable", "POST /disable" -> {
        enabled = endpoint.equals("/enable");
        send(exchange, 200, Json.compact(status()));
      }
      case "GET /assaults" -> send(exchange, 200, Json.compact(assaults));
      case "POST /assaults" -> {
        Map<String, Object> update = object(body);
        if (update == null || !validAssaults(update)) {
          error(exchange, 400, "Bad Request", path);
          return;
        }
        update.forEach(
            (k, v) -> {
              if (v != null) {
                assaults.put(k, v);
              }
            });
        send(exchange, 200, "Assault config has changed");
      }
      case "POST /assaults/runtime/attack" -> {
        runtimeAttacks++;
        send(exchange, 200, "Started runtime assaults");
      }
      default -> {
        if (endpoint.equals(watchersPath) && method.equals("GET")) {
          send(exchange, 200, Json.compact(watchers));
        } else if (endpoint.equals(watchersPath) && method.equals("POST")) {
          Map<String, Object> update = object(body);
          if (update == null) {
            error(exchange, 400, "Bad Request", path);
            return;
          }
          update.forEach(
              (k, v) -> {
                if (v != null) {
                  watchers.put(k, v);
                }
              });
          send(exchange, 200, "Watcher config has changed");
        } else {
          error(exchange, 404, "Not Found", path);
        }
      }
    }
  }

  private Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    if (enabled) {
      status.put("enabledAt", OffsetDateTime.now().toString());
      status.put("enabledFor", Map.of("raw", "PT45.221S", "formatted", "45 seconds"));
    }
    status.put("enabled", enabled);
    return status;
  }

  private Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(
        "chaosMonkeyProperties", Map.of("enabled", enabled, "togglePrefix", "chaos.monkey"));
    settings.put("assaultProperties", assaults);
    settings.put("watcherProperties", watchers);
    return settings;
  }

  /** The checks of AssaultPropertiesUpdate: level in 1..10000, latency range in order. */
  private boolean validAssaults(Map<String, Object> update) {
    if (update.get("level") instanceof Number level
        && (level.intValue() < 1 || level.intValue() > 10000)) {
      return false;
    }
    Object start = update.getOrDefault("latencyRangeStart", assaults.get("latencyRangeStart"));
    Object end = update.getOrDefault("latencyRangeEnd", assaults.get("latencyRangeEnd"));
    return !(start instanceof Number s && end instanceof Number e && s.intValue() > e.intValue());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String body) {
    try {
      return Json.parse(body) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    } catch (Json.SyntaxError e) {
      return null;
    }
  }

  private static void error(HttpExchange exchange, int status, String error, String path)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timestamp", OffsetDateTime.now().toString());
    body.put("status", status);
    body.put("error", error);
    body.put("path", path);
    send(exchange, status, Json.compact(body));
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, Object> defaultAssaults() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("level", 1);
    a.put("deterministic", false);
    a.put("latencyRangeStart", 1000);
    a.put("latencyRangeEnd", 3000);
    a.put("latencyActive", false);
    a.put("exceptionsActive", false);
    a.put("exception", Map.of("type", "java.lang.RuntimeException", "method", "<init>"));
    a.put("killApplicationActive", false);
    a.put("killApplicationCronExpression", "OFF");
    a.put("memoryActive", false);
    a.put("memoryMillisecondsHoldFilledMemory", 90000);
    a.put("memoryMillisecondsWaitNextIncrease", 1000);
    a.put("memoryFillIncrementFraction", 0.15);
    a.put("memoryFillTargetFraction", 0.25);
    a.put("memoryCronExpression", "OFF");
    a.put("cpuActive", false);
    a.put("cpuMillisecondsHoldLoad", 90000);
    a.put("cpuLoadTargetFraction", 0.9);
    a.put("cpuCronExpression", "OFF");
    return a;
  }

  private static Map<String, Object> defaultWatchers() {
    Map<String, Object> w = new LinkedHashMap<>();
    for (String name :
        List.of(
            "controller",
            "restController",
            "service",
            "repository",
            "component",
            "restTemplate",
            "webClient",
            "actuatorHealth")) {
      w.put(name, false);
    }
    w.put("beans", List.of());
    w.put("beanClasses", List.of());
    w.put("excludeClasses", List.of());
    return w;
  }
}
