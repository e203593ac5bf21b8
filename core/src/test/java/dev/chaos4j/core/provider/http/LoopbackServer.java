package dev.chaos4j.core.provider.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a loopback ephemeral port, with the routes of the conformance kit's fixture
 * server plus a few for timeouts and encodings. Every route answers any method.
 */
final class LoopbackServer implements AutoCloseable {
  static final String JSON_DOC =
      "{\"status\": \"ok\", \"items\": [{\"name\": \"a\", \"up\": true},"
          + " {\"name\": \"b\", \"up\": false}], \"count\": 2}";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    route("/echo", LoopbackServer::echo);
    route("/json", ex -> send(ex, 200, "application/json", JSON_DOC));
    route("/json-charset", ex -> send(ex, 200, "application/json; charset=utf-8", JSON_DOC));
    route("/badjson", ex -> send(ex, 200, "application/json", "{not json"));
    route("/text", ex -> send(ex, 200, "text/plain", "plain text"));
    route(
        "/status/",
        ex -> send(ex, lastSegmentInt(ex), "text/plain", "status " + lastSegmentInt(ex)));
    route(
        "/redirect",
        ex -> {
          ex.getResponseHeaders().add("Location", "/json");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    route(
        "/slow/",
        ex -> {
          sleep(lastSegmentInt(ex));
          send(ex, 200, "text/plain", "slow");
        });
    route(
        "/stall-body/",
        ex -> {
          // headers and a first chunk at once, the rest after a pause
          ex.getResponseHeaders().add("Content-Type", "text/plain");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          out.write("first ".getBytes(StandardCharsets.UTF_8));
          out.flush();
          sleep(lastSegmentInt(ex));
          out.write("second".getBytes(StandardCharsets.UTF_8));
          ex.close();
        });
    route(
        "/latin1",
        ex ->
            send(
                ex,
                200,
                "text/plain; charset=iso-8859-1",
                "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
    route(
        "/repeated-header",
        ex -> {
          ex.getResponseHeaders().add("X-Multi", "one");
          ex.getResponseHeaders().add("X-Multi", "two");
          send(ex, 200, "text/plain", "ok");
        });
    route(
        "/gzip",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          send(ex, 200, "application/json", gzip(JSON_DOC));
        });
    route(
        "/port",
        ex -> send(ex, 200, "text/plain", String.valueOf(ex.getRemoteAddress().getPort())));
    server.start();
  }

  /** The base URL, without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds a route. */
  void route(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void echo(HttpExchange ex) throws IOException {
    Map<String, Object> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("method", ex.getRequestMethod());
    echo.put("query", ex.getRequestURI().getRawQuery());
    echo.put("headers", headers);
    echo.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    send(ex, 200, "application/json", Json.compact(echo));
  }

  static void send(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    ex.getRequestBody().readAllBytes();
    ex.getResponseHeaders().add("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  private static int lastSegmentInt(HttpExchange ex) {
    List<String> parts = List.of(ex.getRequestURI().getPath().split("/"));
    return Integer.parseInt(parts.get(parts.size() - 1));
  }

  private static byte[] gzip(String text) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
