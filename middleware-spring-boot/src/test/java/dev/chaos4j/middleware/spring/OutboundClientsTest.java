package dev.chaos4j.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.spring.observe.MicrometerAttackListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Exceptions;

/**
 * Outbound attacks on the clients built from Spring Boot's builders in a Spring MVC application,
 * with a real dependency on a loopback port: RestTemplate, RestClient and WebClient alike are
 * delayed, answered for or failed before the call, the dependency is not called when a fault ends
 * the call, and calls no attack targets go out untouched.
 */
@SpringBootTest(
    classes = {TestApplication.class, OutboundClientsTest.Checkout.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"chaos4j.middleware.enabled=true", "chaos4j.middleware.log-hits-level=warn"})
class OutboundClientsTest {

  static Dependency dependency;
  private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

  @LocalServerPort int port;
  @Autowired ChaosMiddleware middleware;
  @Autowired MeterRegistry meters;
  @Autowired RestTemplateBuilder restTemplateBuilder;
  @Autowired RestClient.Builder restClientBuilder;
  @Autowired WebClient.Builder webClientBuilder;

  private RestTemplate restTemplate;
  private RestClient restClient;
  private WebClient webClient;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  /** The clients under test. */
  enum Client {
    REST_TEMPLATE(ResourceAccessException.class),
    REST_CLIENT(ResourceAccessException.class),
    WEB_CLIENT(WebClientRequestException.class);

    /** What the client throws for a network failure. */
    final Class<? extends Exception> networkFailure;

    Client(Class<? extends Exception> networkFailure) {
      this.networkFailure = networkFailure;
    }
  }

  /** What a call got back, an error status included. */
  record Answer(int status, String body, HttpHeaders headers) {}

  @BeforeAll
  static void startDependency() {
    dependency = Dependency.start();
  }

  @AfterAll
  static void stopDependency() {
    dependency.close();
    CALLERS.shutdownNow();
  }

  @BeforeEach
  void setUp() {
    restTemplate = restTemplateBuilder.build();
    restClient = restClientBuilder.build();
    webClient = webClientBuilder.build();
    log.start();
    logger().addAppender(log);
  }

  @AfterEach
  void tearDown() {
    logger().detachAppender(log);
    middleware.enable();
    middleware.clear();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void aDelayHoldsTheCallThenSendsIt(Client client) {
    attack("slow-stock", "\"delay\": {\"ms\": 300}");
    int before = dependency.calls("/stock");

    long start = System.nanoTime();
    Answer answer = get(client, "/stock");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(Dependency.BODY);
    assertThat(tookMillis).isGreaterThanOrEqualTo(300);
    assertThat(dependency.calls("/stock")).isEqualTo(before + 1);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void anAbortAnswersInTheDependencysPlaceWithoutCallingIt(Client client) {
    attack(
        "broken-stock",
        "\"abort\": {\"status\": 503, \"body\": \"chaos\","
            + " \"contentType\": \"application/problem+json\"}");
    int before = dependency.calls("/stock");

    Answer answer = get(client, "/stock");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).isEqualTo("chaos");
    assertThat(answer.headers().getFirst("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.headers().getFirst("X-Chaos4j-Attack")).isEqualTo("broken-stock");
    assertThat(dependency.calls("/stock")).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void anExceptionFailsTheCallAsANetworkFailureWouldWithoutCallingIt(Client client) {
    attack("refused", "\"exception\": {\"type\": \"java.net.ConnectException\"}");
    int before = dependency.calls("/stock");

    Throwable thrown = catchThrowable(() -> get(client, "/stock"));

    assertThat(thrown)
        .isInstanceOf(client.networkFailure)
        .hasCauseInstanceOf(ConnectException.class);
    assertThat(dependency.calls("/stock")).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void callsNoAttackTargetsAreSent(Client client) {
    attack("broken-stock", "\"abort\": {\"status\": 503}");
    int before = dependency.calls("/prices");

    Answer answer = get(client, "/prices");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(Dependency.BODY);
    assertThat(answer.headers().getFirst("X-Chaos4j-Attack")).isNull();
    assertThat(dependency.calls("/prices")).isEqualTo(before + 1);
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void theKillSwitchCutsADelayShortAndCancelsItsFault(Client client) throws Exception {
    attack("cut", "\"delay\": {\"ms\": 20000}, \"abort\": {\"status\": 503}");
    int before = dependency.calls("/stock");
    CompletableFuture<Answer> call =
        CompletableFuture.supplyAsync(() -> get(client, "/stock"), CALLERS);
    awaitInFlight("cut", 1);

    middleware.disable();

    Answer answer = call.get(10, TimeUnit.SECONDS);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(Dependency.BODY);
    assertThat(dependency.calls("/stock")).isEqualTo(before + 1);
  }

  @Test
  void anExpiredAttackNoLongerActs() throws Exception {
    attack("brief", "\"abort\": {\"status\": 503}, \"ttl\": \"300ms\"");
    assertThat(get(Client.REST_CLIENT, "/stock").status()).isEqualTo(503);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (middleware.attack("brief").isPresent()) {
      assertThat(System.nanoTime()).as("attack expired in time").isLessThan(deadline);
      Thread.sleep(20);
    }

    assertThat(get(Client.REST_CLIENT, "/stock").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(
      value = Client.class,
      names = {"REST_TEMPLATE", "REST_CLIENT"})
  void interruptingABlockingDelayFailsTheCallAndKeepsTheFlag(Client client) throws Exception {
    attack("held", "\"delay\": {\"ms\": 20000}");
    int before = dependency.calls("/stock");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              thrown.set(catchThrowable(() -> get(client, "/stock")));
              flagKept.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    awaitInFlight("held", 1);

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(ResourceAccessException.class)
        .hasCauseInstanceOf(InterruptedIOException.class);
    assertThat(flagKept).isTrue();
    assertThat(dependency.calls("/stock")).isEqualTo(before);
  }

  @Test
  void theCallersTimeoutCancelsAWebClientDelayAndFreesTheCall() throws Exception {
    attack("held", "\"delay\": {\"ms\": 20000}");
    int before = dependency.calls("/stock");

    Throwable thrown =
        catchThrowable(
            () ->
                webClient
                    .get()
                    .uri(dependency.url("/stock"))
                    .retrieve()
                    .toBodilessEntity()
                    .timeout(Duration.ofMillis(200))
                    .block(Duration.ofSeconds(10)));

    assertThat(Exceptions.unwrap(thrown)).isInstanceOf(TimeoutException.class);
    awaitInFlight("held", 0);
    assertThat(dependency.calls("/stock")).isEqualTo(before);
  }

  @Test
  void metricsAndLogsTellOutboundHitsApart() {
    attack("counted", "\"abort\": {\"status\": 503}");
    long observedBefore = clientRequests503();

    get(Client.REST_CLIENT, "/stock");

    // Spring's own client observation sees the injected fault as a real 503
    assertThat(clientRequests503()).isEqualTo(observedBefore + 1);
    assertThat(
            meters
                .get(MicrometerAttackListener.HITS)
                .tags("attack", "counted", "route", "/stock", "direction", "outbound")
                .tag("kind", "abort")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(log.list)
        .filteredOn(line -> line.getFormattedMessage().contains(" hit "))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getFormattedMessage())
                  .isEqualTo(
                      "chaos4j attack 'counted' hit outbound GET /stock: abort 503 (before the"
                          + " call)");
              assertThat(line.getMDCPropertyMap()).containsEntry("chaos4j.attack", "counted");
            });
  }

  @Test
  void anApplicationsCallIsAttackedAndItsRequestKeepsItsOwnMdcEntry() {
    middleware.create(
        AttackSpec.parse(
            "{\"id\": \"slow-checkout\", \"route\": \"/checkout\", \"delay\": {\"ms\": 1}}"));
    attack(
        "sold-out",
        "\"abort\": {\"status\": 503, \"body\": \"sold out\", \"contentType\": \"text/plain\"}");
    int before = dependency.calls("/stock");

    HttpResponse<String> response = new Http(port).get("/checkout");

    assertThat(response.body()).isEqualTo("stock=503 sold out mdc=slow-checkout");
    assertThat(dependency.calls("/stock")).isEqualTo(before);
  }

  private long clientRequests503() {
    return meters.find("http.client.requests").tag("status", "503").timers().stream()
        .mapToLong(timer -> timer.count())
        .sum();
  }

  private void attack(String id, String what) {
    middleware.create(
        AttackSpec.parse(
            "{\"id\": \""
                + id
                + "\", \"direction\": \"outbound\", \"host\": \"127.0.0.1\", \"port\": "
                + dependency.port()
                + ", \"route\": \"/stock\", "
                + what
                + "}"));
  }

  private Answer get(Client client, String path) {
    String url = dependency.url(path);
    switch (client) {
      case REST_TEMPLATE -> {
        try {
          return answer(restTemplate.getForEntity(url, String.class));
        } catch (HttpStatusCodeException e) {
          return new Answer(
              e.getStatusCode().value(), e.getResponseBodyAsString(), e.getResponseHeaders());
        }
      }
      case REST_CLIENT -> {
        try {
          return answer(restClient.get().uri(url).retrieve().toEntity(String.class));
        } catch (RestClientResponseException e) {
          return new Answer(
              e.getStatusCode().value(), e.getResponseBodyAsString(), e.getResponseHeaders());
        }
      }
      default -> {
        try {
          return answer(
              webClient
                  .get()
                  .uri(url)
                  .retrieve()
                  .toEntity(String.class)
                  .block(Duration.ofSeconds(30)));
        } catch (WebClientResponseException e) {
          return new Answer(e.getStatusCode().value(), e.getResponseBodyAsString(), e.getHeaders());
        }
      }
    }
  }

  private static Answer answer(ResponseEntity<String> entity) {
    return new Answer(entity.getStatusCode().value(), entity.getBody(), entity.getHeaders());
  }

  private void awaitInFlight(String id, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (middleware.attack(id).orElseThrow().inFlight() != count) {
      assertThat(System.nanoTime()).as("calls in flight in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger("dev.chaos4j.middleware");
  }

  /** A route of the application that calls the dependency with a client from Boot's builder. */
  @RestController
  static class Checkout {
    private final RestClient client;

    Checkout(RestClient.Builder builder) {
      this.client = builder.build();
    }

    @GetMapping("/checkout")
    String checkout() {
      String stock;
      try {
        stock = client.get().uri(dependency.url("/stock")).retrieve().body(String.class);
      } catch (RestClientResponseException e) {
        stock = e.getStatusCode().value() + " " + e.getResponseBodyAsString();
      }
      return "stock=" + stock + " mdc=" + MDC.get("chaos4j.attack");
    }
  }
}
