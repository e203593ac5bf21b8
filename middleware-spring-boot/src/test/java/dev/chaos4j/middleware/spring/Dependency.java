package dev.chaos4j.middleware.spring;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real dependency on a loopback port: every path answers 200 {@code in stock} (text/plain), and
 * the calls that really reached it are counted by path.
 */
final class Dependency implements AutoCloseable {

  static final String BODY = "in stock";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private Dependency(HttpServer server) {
    this.server = server;
  }

  /** Starts listening on a free port of 127.0.0.1. */
  static Dependency start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dependency dependency = new Dependency(server);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            dependency
                .calls
                .computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                .incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.setExecutor(dependency.executor);
    server.start();
    return dependency;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** How many calls to {@code path} reached the dependency. */
  int calls(String path) {
    AtomicInteger count = calls.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
