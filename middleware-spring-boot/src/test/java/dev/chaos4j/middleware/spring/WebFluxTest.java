package dev.chaos4j.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.spring.observe.MicrometerAttackListener;
import dev.chaos4j.middleware.spring.webflux.ChaosWebFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The starter in a WebFlux application on Reactor Netty with a single event-loop thread: delays
 * never block it, the kill switch and disconnecting clients end them, and aborts, exceptions and
 * after-phase attacks behave as with the servlet filter. Delays of the calls its WebClient makes do
 * not block it either.
 */
@SpringBootTest(
    classes = {TestApplication.class, WebFluxTest.OneEventLoop.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "spring.autoconfigure.exclude="
          + "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
      "chaos4j.middleware.enabled=true",
      "management.endpoints.web.exposure.include=chaos4j"
    })
class WebFluxTest {

  @LocalServerPort int port;
  @Autowired ChaosMiddleware middleware;
  @Autowired MeterRegistry meters;

  private Http http;

  static Dependency dependency;

  @BeforeAll
  static void startDependency() {
    dependency = Dependency.start();
  }

  @AfterAll
  static void stopDependency() {
    dependency.close();
  }

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void tearDown() {
    middleware.enable();
    middleware.clear();
  }

  private void attack(String json) {
    middleware.create(AttackSpec.parse(json));
  }

  @Test
  void aDelayedRouteDoesNotHoldTheEventLoopBack() throws Exception {
    attack("{\"id\": \"slow\", \"route\": \"/slow\", \"delay\": {\"ms\": 1500}}");
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slow.add(http.getAsync("/slow"));
    }
    awaitInFlight("slow", 4);

    List<HttpResponse<String>> fast = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fast.add(http.get("/fast"));
    }

    // every fast request was answered, on the one event-loop thread, while the slow ones wait
    assertThat(slow).noneMatch(CompletableFuture::isDone);
    assertThat(fast)
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.body()).startsWith("fast on one-loop");
            });
    for (CompletableFuture<HttpResponse<String>> response : slow) {
      assertThat(response.get(10, TimeUnit.SECONDS).headers().firstValue("X-Chaos4j-Attack"))
          .hasValue("slow");
    }
    assertThat(
            meters
                .get(MicrometerAttackListener.DELAY)
                .tags("attack", "slow", "route", "/slow")
                .timer()
                .count())
        .isEqualTo(4);
  }

  @Test
  void aDelayedCallToADependencyDoesNotHoldTheEventLoopBack() throws Exception {
    attack(
        "{\"id\": \"slow-stock\", \"direction\": \"outbound\", \"port\": "
            + dependency.port()
            + ", \"route\": \"/stock\", \"delay\": {\"ms\": 1500}}");
    int before = dependency.calls("/stock");
    List<CompletableFuture<HttpResponse<String>>> proxied = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      proxied.add(http.getAsync("/proxy"));
    }
    awaitInFlight("slow-stock", 4);

    List<HttpResponse<String>> fast = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fast.add(http.get("/fast"));
    }

    // the calls were decided and are delayed on the one event-loop thread, which stays free
    assertThat(proxied).noneMatch(CompletableFuture::isDone);
    assertThat(fast)
        .allSatisfy(response -> assertThat(response.body()).startsWith("fast on one-loop"));
    for (CompletableFuture<HttpResponse<String>> response : proxied) {
      assertThat(response.get(10, TimeUnit.SECONDS).body()).isEqualTo("proxied " + Dependency.BODY);
    }
    assertThat(dependency.calls("/stock")).isEqualTo(before + 4);
  }

  @Test
  void anAbortAnswersAsTheServletFilterDoes() {
    attack(
        "{\"id\": \"broken\", \"route\": \"/orders\", \"methods\": [\"GET\"], \"abort\":"
            + " {\"status\": 503, \"body\": \"chaos\", \"contentType\": \"application/problem+json\"}}");

    HttpResponse<String> attacked = http.get("/orders");
    HttpResponse<String> spared = http.get("/fast");

    assertThat(attacked.statusCode()).isEqualTo(503);
    assertThat(attacked.body()).isEqualTo("chaos");
    assertThat(attacked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(attacked.headers().firstValue("X-Chaos4j-Attack")).hasValue("broken");
    assertThat(spared.headers().firstValue("X-Chaos4j-Attack")).isEmpty();
  }

  @Test
  void anExceptionAttackAnswersAsAnUncaughtException() {
    attack(
        "{\"id\": \"boom\", \"route\": \"/orders\","
            + " \"exception\": {\"type\": \"java.lang.IllegalStateException\"}}");

    HttpResponse<String> response = http.get("/orders");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("X-Chaos4j-Attack")).hasValue("boom");
  }

  @Test
  void anAfterPhaseAbortLetsTheHandlerRunThenReplacesItsResponse() {
    attack(
        "{\"id\": \"after\", \"route\": \"/orders\", \"methods\": [\"POST\"], \"phase\":"
            + " \"after\", \"abort\": {\"status\": 502, \"body\": \"replaced\"}}");
    int before = TestApplication.ORDERS_PLACED.get();

    HttpResponse<String> response = http.post("/orders", null);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("replaced");
    assertThat(TestApplication.ORDERS_PLACED.get()).isEqualTo(before + 1);
  }

  @Test
  void anAfterPhaseDelaySendsTheHandlersResponseLate() {
    attack(
        "{\"id\": \"late\", \"route\": \"/orders\", \"phase\": \"after\", \"delay\": {\"ms\":"
            + " 50}}");

    HttpResponse<String> response = http.get("/orders");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("orders");
    assertThat(response.headers().firstValue("X-Chaos4j-Attack")).hasValue("late");
  }

  @Test
  void aBodyLargerThanTheBufferGoesOutAndTheAbortIsNotApplied() {
    attack(
        "{\"id\": \"late\", \"route\": \"/big\", \"phase\": \"after\", \"abort\": {\"status\":"
            + " 503}}");

    HttpResponse<String> response = http.get("/big");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).hasSize(BigBody.SIZE);
  }

  @Test
  void theKillSwitchEndsDelaysInProgress() throws Exception {
    attack("{\"id\": \"cut\", \"route\": \"/slow\", \"delay\": {\"ms\": 20000}}");
    CompletableFuture<HttpResponse<String>> delayed = http.getAsync("/slow");
    awaitInFlight("cut", 1);

    HttpResponse<String> off = http.post("/actuator/chaos4j/disable", null);

    assertThat(off.body()).contains("\"armed\":false");
    HttpResponse<String> response = delayed.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("slow");
  }

  @Test
  void aClientThatGoesAwayCancelsItsDelay() throws Exception {
    attack("{\"id\": \"gone\", \"route\": \"/slow\", \"delay\": {\"ms\": 20000}}");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      awaitInFlight("gone", 1);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (middleware.attack("gone").orElseThrow().inFlight() > 0) {
      assertThat(System.nanoTime()).as("delay cancelled in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void theActuatorWorksOnWebFluxToo() {
    HttpResponse<String> created =
        http.post(
            "/actuator/chaos4j/attacks",
            "{\"id\": \"via-actuator\", \"route\": \"/orders\", \"abort\": {\"status\": 418}}");
    HttpResponse<String> refused =
        http.post("/actuator/chaos4j/attacks", "{\"route\": \"/orders\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(http.get("/orders").statusCode()).isEqualTo(418);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .isEqualTo("{\"error\":\"an attack needs a delay, an exception or an abort\"}");
    assertThat(http.get("/actuator/chaos4j").body()).contains("\"attacks\":1");
  }

  @Test
  void theHandlerFindsTheAttackInTheExchangeAndTheReactorContext() {
    attack("{\"id\": \"seen\", \"route\": \"/seen\", \"delay\": {\"ms\": 1}}");

    assertThat(http.get("/seen").body()).isEqualTo("exchange=seen context=seen");
  }

  private void awaitInFlight(String id, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (middleware.attack(id).orElseThrow().inFlight() < count) {
      assertThat(System.nanoTime()).as("requests in flight in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** One event-loop thread for the server, so a blocked loop would show at once. */
  @TestConfiguration
  static class OneEventLoop {

    @Bean
    ReactorResourceFactory oneLoop() {
      ReactorResourceFactory resources = new ReactorResourceFactory();
      resources.setUseGlobalResources(false);
      resources.setLoopResourcesSupplier(() -> LoopResources.create("one-loop", 1, true));
      return resources;
    }

    @Bean
    BigBody bigBody() {
      return new BigBody();
    }

    @Bean
    StockProxy stockProxy(WebClient.Builder builder) {
      return new StockProxy(builder.build());
    }
  }

  /** A route that calls the dependency with a WebClient from Spring Boot's builder. */
  @RestController
  static class StockProxy {
    private final WebClient client;

    StockProxy(WebClient client) {
      this.client = client;
    }

    @GetMapping("/proxy")
    Mono<String> proxy() {
      return client
          .get()
          .uri(dependency.url("/stock"))
          .retrieve()
          .bodyToMono(String.class)
          .map(body -> "proxied " + body);
    }
  }

  /** Routes of the WebFlux stack only. */
  @RestController
  static class BigBody {
    static final int SIZE = 256 * 1024;

    @GetMapping("/big")
    String big() {
      return "x".repeat(SIZE);
    }

    @GetMapping("/seen")
    Mono<String> seen(ServerWebExchange exchange) {
      return Mono.deferContextual(
          context ->
              Mono.just(
                  "exchange="
                      + exchange.getAttribute(ChaosWebFilter.ATTACK_ATTRIBUTE)
                      + " context="
                      + context.getOrDefault(ChaosWebFilter.ATTACK_ATTRIBUTE, "none")));
    }
  }
}
