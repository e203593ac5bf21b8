package dev.chaos4j.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.proxy.FaultProxyServer;
import dev.chaos4j.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system the seed experiment {@code examples/user-service-down} is about, on loopback: a "user
 * service", a fault proxy {@code user_dev} in front of it (its API on an ephemeral port), and a
 * "consumer" whose {@code /ui} page lists the users through the proxy and degrades gracefully when
 * they are unreachable.
 */
public final class UserServiceDownSystem implements AutoCloseable {
  /** The seed, from the cli module's directory. */
  public static final Path SEED = Path.of("..", "examples", "user-service-down", "experiment.json");

  private static final String SEED_CONSUMER_URL = "http://localhost:8080/ui";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger fallbacks = new AtomicInteger();
  private final FaultProxyServer toxiproxy;
  private final ToxiproxyClient client;
  private final HttpServer users;
  private final HttpServer consumer;
  private final int proxyPort;

  private UserServiceDownSystem() throws IOException, InterruptedException {
    toxiproxy = FaultProxyServer.start("127.0.0.1", 0);
    client = new ToxiproxyClient(toxiproxy.url().toString());
    users = server(exchange -> answer(exchange, "alice, bob"));
    String listen =
        (String)
            client
                .createProxy(
                    Map.of(
                        "name", "user_dev",
                        "listen", "127.0.0.1:0",
                        "upstream", "127.0.0.1:" + users.getAddress().getPort()))
                .get("listen");
    proxyPort = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    consumer = server(this::ui);
  }

  /** Starts the system. */
  public static UserServiceDownSystem start() throws IOException, InterruptedException {
    return new UserServiceDownSystem();
  }

  /** The fault proxy's API port. */
  public int apiPort() {
    return toxiproxy.port();
  }

  /** The seed's text, its consumer URL pointed to this system's consumer. */
  public String seed() throws IOException {
    String seed = Files.readString(SEED);
    assertThat(seed).contains(SEED_CONSUMER_URL);
    return seed.replace(
        SEED_CONSUMER_URL, "http://127.0.0.1:" + consumer.getAddress().getPort() + "/ui");
  }

  /**
   * Checks that the run went as the experiment means it: the method took the users down (the
   * consumer served its degraded page), the rollback brought them back, and the system is healthy.
   */
  @SuppressWarnings("unchecked")
  public void assertRanAndRecovered(Path journalFile) throws IOException, InterruptedException {
    Map<String, Object> journal =
        (Map<String, Object>) Json.parseTrusted(Files.readString(journalFile));
    assertThat(journal).containsEntry("status", "completed").containsEntry("deviated", false);
    Map<String, Object> method = ((List<Map<String, Object>>) journal.get("run")).get(0);
    assertThat(method).containsEntry("status", "succeeded").containsEntry("output", true);
    Map<String, Object> rollback = ((List<Map<String, Object>>) journal.get("rollbacks")).get(0);
    assertThat(rollback).containsEntry("status", "succeeded").containsEntry("output", true);
    // the hypothesis after the method met the consumer with its users down
    assertThat(fallbacks.get()).isPositive();
    assertThat(client.proxy("user_dev"))
        .containsEntry("enabled", true)
        .containsEntry("toxics", List.of());
    assertThat(fetchUsers()).isEqualTo("alice, bob");
  }

  /** The consumer's page: the users when the user service answers, a degraded page otherwise. */
  private void ui(HttpExchange exchange) throws IOException {
    try {
      answer(exchange, "users: " + fetchUsers());
    } catch (IOException e) {
      fallbacks.incrementAndGet();
      answer(exchange, "users: unavailable right now");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(exchange, "interrupted");
    }
  }

  /** The user service, reached through the proxy. */
  private String fetchUsers() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + "/users"))
            .timeout(Duration.ofSeconds(2))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static HttpServer server(Handler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", handler::handle);
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** An HttpServer handler. */
  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  @Override
  public void close() {
    consumer.stop(0);
    users.stop(0);
    toxiproxy.close();
  }
}
