package dev.chaos4j.middleware.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.middleware.AttackHeaders;
import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.AttackStatus;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.InvalidAttackException;
import dev.chaos4j.middleware.MiddlewareConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the filter does, in a real container on loopback: every attack kind, every targeting rule,
 * the phases, the guardrails, expiry and the switch. Run once per container by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilterContract {

  static final String MARKER = "X-Chaos4j-Attack";

  private final SwitchableFilter chaos = new SwitchableFilter();
  final TestApp app = new TestApp();
  private WebServer server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  ChaosMiddleware middleware;
  LogCapture log;

  abstract WebServer.Kind kind();

  @BeforeAll
  void startServer() {
    Map<String, Filter> filters = new LinkedHashMap<>();
    filters.put("recorder", new ExceptionRecorder());
    filters.put("chaos", chaos);
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/", app);
    servlets.put("/api/*", app);
    server = kind().start(filters, Map.of(), servlets);
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @BeforeEach
  void armed() {
    log = new LogCapture();
    use(b -> {});
  }

  @AfterEach
  void closeMiddleware() {
    middleware.close();
    log.close();
  }

  /** A started middleware, ready and enabled for shop/test/pod-1, with the changes given. */
  void use(Consumer<MiddlewareConfig.Builder> changes) {
    if (middleware != null) {
      middleware.close();
    }
    MiddlewareConfig.Builder config =
        MiddlewareConfig.builder()
            .enabled(true)
            .identity("shop", "test", "pod-1")
            .readyAfter(Duration.ZERO)
            .maxDelay(Duration.ofSeconds(20));
    changes.accept(config);
    middleware = ChaosMiddleware.start(config.build());
    chaos.use(new ChaosFilter(middleware));
    app.calls.set(0);
  }

  AttackStatus attack(String json) {
    return middleware.create(AttackSpec.parse(json));
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, Map.of());
  }

  HttpResponse<String> send(String method, String path, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.base().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return http.sendAsync(
        HttpRequest.newBuilder(server.base().resolve(path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static boolean attacked(HttpResponse<String> response) {
    return response.headers().firstValue(MARKER).isPresent();
  }

  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(20);
    }
  }

  /** The delays the hit log lines report, in order. */
  List<Long> loggedDelays() {
    List<Long> out = new ArrayList<>();
    Pattern delay = Pattern.compile("hit .*: delay (\\d+) ms");
    for (String line : log.lines) {
      Matcher m = delay.matcher(line);
      if (m.find()) {
        out.add(Long.parseLong(m.group(1)));
      }
    }
    return out;
  }

  // ---- attack kinds ----

  @Test
  void aRequestNoAttackTargetsIsLeftAlone() {
    attack("{\"route\": \"/api/orders\", \"abort\": {\"status\": 503}}");

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok GET /health");
    assertThat(attacked(response)).isFalse();
  }

  @Test
  void aFixedDelayHoldsTheRequestThenTheHandlerAnswers() {
    attack("{\"id\": \"slow\", \"route\": \"/api/orders\", \"delay\": {\"ms\": 300}}");

    long start = System.nanoTime();
    HttpResponse<String> response = get("/api/orders");

    assertThat(millisSince(start)).isGreaterThanOrEqualTo(300);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok GET /api/orders");
    assertThat(response.headers().firstValue(MARKER)).hasValue("slow");
    assertThat(log.lines).anyMatch(l -> l.contains("'slow' hit GET /api/orders: delay 300 ms"));
  }

  @Test
  void aRangeDelayIsDrawnWithinTheRange() {
    attack("{\"route\": \"/r\", \"delay\": {\"minMs\": 100, \"maxMs\": 250}}");

    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      assertThat(attacked(get("/r"))).isTrue();
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(100);
    }

    assertThat(loggedDelays()).hasSize(3).allSatisfy(d -> assertThat(d).isBetween(100L, 250L));
  }

  @Test
  void aJitteredDelayStaysWithinTheJitterOfItsBase() {
    attack("{\"route\": \"/j\", \"delay\": {\"ms\": 200, \"jitterMs\": 100}}");

    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      get("/j");
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(100);
    }

    assertThat(loggedDelays()).hasSize(3).allSatisfy(d -> assertThat(d).isBetween(100L, 300L));
  }

  @Test
  void anAbortAnswersWithItsStatusAndBodyAndTheHandlerNeverRuns() {
    attack(
        "{\"id\": \"down\", \"route\": \"/api/orders\", \"abort\": {\"status\": 503, \"body\":"
            + " \"{\\\"error\\\":\\\"chaos\\\"}\", \"contentType\": \"application/json\"}}");

    HttpResponse<String> response = get("/api/orders");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"error\":\"chaos\"}");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.headers().firstValue(MARKER)).hasValue("down");
    assertThat(app.calls).hasValue(0);
  }

  @Test
  void anAllowListedExceptionIsThrownAndTheHandlerNeverRuns() {
    attack(
        "{\"route\": \"/api/orders\", \"exception\": {\"type\": \"java.io.IOException\","
            + " \"message\": \"disk on fire\"}}");

    HttpResponse<String> response = get("/api/orders");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("X-Test-Exception")).hasValue("java.io.IOException");
    assertThat(response.body()).isEqualTo("disk on fire");
    assertThat(app.calls).hasValue(0);
  }

  @Test
  void aCheckedExceptionTheFilterDoesNotDeclareReachesTheContainer() {
    attack("{\"id\": \"t\", \"exception\": {\"type\": \"java.util.concurrent.TimeoutException\"}}");

    HttpResponse<String> response = get("/x");

    // Jetty passes it on as it is; Tomcat's filter chain wraps it in a ServletException.
    String thrown = response.headers().firstValue("X-Test-Exception").orElseThrow();
    if (thrown.equals("jakarta.servlet.ServletException")) {
      assertThat(response.headers().firstValue("X-Test-Cause"))
          .hasValue("java.util.concurrent.TimeoutException");
    } else {
      assertThat(thrown).isEqualTo("java.util.concurrent.TimeoutException");
      assertThat(response.body()).isEqualTo("chaos4j attack 't'");
    }
  }

  @Test
  void anExceptionTypeOutsideTheAllowListIsRefused() {
    assertThatThrownBy(() -> attack("{\"exception\": {\"type\": \"java.lang.ProcessBuilder\"}}"))
        .isInstanceOf(InvalidAttackException.class)
        .hasMessageContaining("exception type 'java.lang.ProcessBuilder' is not allowed");
    assertThat(middleware.attacks()).isEmpty();
  }

  @Test
  void anAllowListedNameThatIsNotAThrowableIsRefused() {
    use(b -> b.allowedExceptions(java.util.Set.of("java.lang.String")));

    assertThatThrownBy(() -> attack("{\"exception\": {\"type\": \"java.lang.String\"}}"))
        .isInstanceOf(InvalidAttackException.class)
        .hasMessageContaining("is not a concrete Throwable");
  }

  @Test
  void aDelayThenAFaultSlowsTheRequestAndThenFailsIt() {
    attack("{\"route\": \"/api/orders\", \"delay\": {\"ms\": 300}, \"abort\": {\"status\": 502}}");

    long start = System.nanoTime();
    HttpResponse<String> response = get("/api/orders");

    assertThat(millisSince(start)).isGreaterThanOrEqualTo(300);
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(app.calls).hasValue(0);
  }

  // ---- phases ----

  @Test
  void anAbortAfterTheHandlerReplacesItsResponseOnceItsSideEffectsAreDone() {
    attack(
        "{\"route\": \"/api/orders\", \"phase\": \"after\", \"abort\": {\"status\": 500,"
            + " \"body\": \"replaced\"}}");

    HttpResponse<String> response = send("POST", "/api/orders", Map.of());

    assertThat(app.calls).hasValue(1);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("replaced");
    assertThat(attacked(response)).isTrue();
  }

  @Test
  void anAbortAfterTheHandlerReplacesAResponseTheHandlerFlushed() {
    attack("{\"route\": \"/flush\", \"phase\": \"after\", \"abort\": {\"status\": 503}}");

    HttpResponse<String> response = get("/flush");

    assertThat(app.calls).hasValue(1);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void anAbortAfterTheHandlerReplacesAResponseWhoseLengthTheHandlerDeclared() {
    attack("{\"route\": \"/sized\", \"phase\": \"after\", \"abort\": {\"status\": 503}}");

    HttpResponse<String> response = get("/sized");

    assertThat(app.calls).hasValue(1);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void aDelayAfterTheHandlerKeepsTheLengthTheHandlerDeclared() {
    attack("{\"route\": \"/sized\", \"phase\": \"after\", \"delay\": {\"ms\": 10}}");

    HttpResponse<String> response = get("/sized");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok GET /sized");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("13");
  }

  @Test
  void anAbortAfterTheHandlerCannotReplaceAResponseLargerThanTheBuffer() {
    attack(
        "{\"id\": \"late\", \"route\": \"/big\", \"phase\": \"after\", \"abort\": {\"status\":"
            + " 503}}");

    HttpResponse<String> response = get("/big");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).hasSize(1024 * 1024);
    assertThat(attacked(response)).isTrue();
    assertThat(log.lines).anyMatch(l -> l.contains("'late': the response was already sent"));
  }

  @Test
  void anExceptionAfterTheHandlerIsThrownOnceTheHandlerRan() {
    attack(
        "{\"route\": \"/x\", \"phase\": \"after\", \"exception\": {\"type\":"
            + " \"java.lang.IllegalStateException\"}}");

    HttpResponse<String> response = get("/x");

    assertThat(app.calls).hasValue(1);
    assertThat(response.headers().firstValue("X-Test-Exception"))
        .hasValue("java.lang.IllegalStateException");
  }

  @Test
  void aDelayAfterTheHandlerHoldsItsResponse() {
    attack("{\"route\": \"/x\", \"phase\": \"after\", \"delay\": {\"ms\": 300}}");

    long start = System.nanoTime();
    HttpResponse<String> response = get("/x");

    assertThat(millisSince(start)).isGreaterThanOrEqualTo(300);
    assertThat(app.calls).hasValue(1);
    assertThat(response.body()).isEqualTo("ok GET /x");
    assertThat(attacked(response)).isTrue();
  }

  // ---- targeting ----

  @Test
  void routesAreAnchoredToTheWholePath() {
    attack("{\"route\": \"/api/orders\", \"abort\": {\"status\": 503}}");

    assertThat(get("/api/orders").statusCode()).isEqualTo(503);
    assertThat(get("/v2/api/orders").statusCode()).isEqualTo(200);
    assertThat(get("/api/orders/1").statusCode()).isEqualTo(200);
    assertThat(get("/api").statusCode()).isEqualTo(200);
    assertThat(get("/api/ordersX").statusCode()).isEqualTo(200);
  }

  @Test
  void wildcardsMatchOneSegmentOrAnyNumberOfSegments() {
    attack("{\"route\": \"/api/{id}/items\", \"abort\": {\"status\": 501}}");
    attack("{\"route\": \"/admin/**\", \"abort\": {\"status\": 502}}");

    assertThat(get("/api/7/items").statusCode()).isEqualTo(501);
    assertThat(get("/api/7/items/8").statusCode()).isEqualTo(200);
    assertThat(get("/admin").statusCode()).isEqualTo(502);
    assertThat(get("/admin/a/b").statusCode()).isEqualTo(502);
    assertThat(get("/administrator").statusCode()).isEqualTo(200);
  }

  @Test
  void anAttackOnMethodsLeavesTheOtherMethodsAlone() {
    attack("{\"route\": \"/api/orders\", \"methods\": [\"post\"], \"abort\": {\"status\": 503}}");

    assertThat(get("/api/orders").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/orders", Map.of()).statusCode()).isEqualTo(503);
  }

  @Test
  void anAttackOnAHeaderValueTargetsOnlyRequestsCarryingIt() {
    attack("{\"headers\": {\"X-Tenant\": \"acme-*\"}, \"abort\": {\"status\": 503}}");

    assertThat(send("GET", "/x", Map.of("x-tenant", "acme-eu")).statusCode()).isEqualTo(503);
    assertThat(send("GET", "/x", Map.of("x-tenant", "globex")).statusCode()).isEqualTo(200);
    assertThat(get("/x").statusCode()).isEqualTo(200);
  }

  @Test
  void selectorsNamingAnotherInstanceNeverAct() {
    AttackStatus other =
        attack("{\"id\": \"other\", \"application\": \"billing\", \"abort\": {\"status\": 503}}");
    attack(
        "{\"id\": \"mine\", \"route\": \"/mine\", \"application\": \"shop\", \"environment\":"
            + " \"test\", \"instance\": \"pod-1\", \"abort\": {\"status\": 504}}");
    attack("{\"id\": \"elsewhere\", \"instance\": \"pod-2\", \"abort\": {\"status\": 505}}");

    assertThat(other.state()).isEqualTo(AttackStatus.State.NOT_TARGETED);
    assertThat(get("/x").statusCode()).isEqualTo(200);
    assertThat(get("/mine").statusCode()).isEqualTo(504);
  }

  @Test
  void aProbabilityAttacksAboutThatShareOfRequests() {
    attack(
        "{\"id\": \"coin\", \"route\": \"/p\", \"probability\": 0.5, \"abort\": {\"status\":"
            + " 503}}");

    int attacked = 0;
    for (int i = 0; i < 100; i++) {
      if (get("/p").statusCode() == 503) {
        attacked++;
      }
    }

    // Binomial(100, 0.5): outside [20, 80] has a probability below 1e-9.
    assertThat(attacked).isBetween(20, 80);
    assertThat(middleware.attack("coin").orElseThrow().hits()).isEqualTo(attacked);
  }

  @Test
  void everyNthAttacksExactlyEveryNthTargetedRequest() {
    attack("{\"route\": \"/n\", \"everyNth\": 3, \"abort\": {\"status\": 503}}");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      statuses.add(get("/n").statusCode());
      get("/other");
    }

    assertThat(statuses).containsExactly(200, 200, 503, 200, 200, 503, 200, 200, 503);
  }

  @Test
  void maxHitsStopsTheAttackAndMarksItExhausted() {
    attack("{\"id\": \"few\", \"maxHits\": 2, \"abort\": {\"status\": 503}}");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(get("/x").statusCode());
    }

    assertThat(statuses).containsExactly(503, 503, 200, 200, 200);
    AttackStatus status = middleware.attack("few").orElseThrow();
    assertThat(status.hits()).isEqualTo(2);
    assertThat(status.state()).isEqualTo(AttackStatus.State.EXHAUSTED);
  }

  @Test
  void maxConcurrentCapsTheRequestsAttackedAtOnce() throws Exception {
    attack(
        "{\"id\": \"one\", \"route\": \"/c\", \"maxConcurrent\": 1, \"delay\": {\"ms\":"
            + " 15000}}");

    CompletableFuture<HttpResponse<String>> first = getAsync("/c");
    await(() -> middleware.attack("one").orElseThrow().inFlight() == 1, Duration.ofSeconds(10));
    HttpResponse<String> second = get("/c");
    HttpResponse<String> third = get("/c");

    assertThat(attacked(second)).isFalse();
    assertThat(attacked(third)).isFalse();
    long start = System.nanoTime();
    middleware.disable();
    HttpResponse<String> released = first.get();
    assertThat(millisSince(start)).isLessThan(10_000);
    assertThat(attacked(released)).isTrue();
    assertThat(released.statusCode()).isEqualTo(200);
  }

  @Test
  void aGlobalConcurrencyCapHoldsAcrossAttacks() throws Exception {
    use(b -> b.maxConcurrent(1));
    attack("{\"id\": \"a\", \"route\": \"/a\", \"delay\": {\"ms\": 15000}}");
    attack("{\"id\": \"b\", \"route\": \"/b\", \"abort\": {\"status\": 503}}");

    CompletableFuture<HttpResponse<String>> first = getAsync("/a");
    await(() -> middleware.attack("a").orElseThrow().inFlight() == 1, Duration.ofSeconds(10));

    assertThat(get("/b").statusCode()).isEqualTo(200);
    middleware.disable();
    assertThat(attacked(first.get())).isTrue();
    middleware.enable();
    assertThat(get("/b").statusCode()).isEqualTo(503);
  }

  @Test
  void excludedRoutesAreNeverAttacked() {
    use(b -> b.excludeRoutes(List.of("/health/**")));
    attack("{\"route\": \"/**\", \"abort\": {\"status\": 503}}");

    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(get("/x").statusCode()).isEqualTo(503);
  }

  // ---- life cycle and guardrails ----

  @Test
  void theSwitchDisarmsEveryAttackAndEnableRearmsThem() {
    attack("{\"abort\": {\"status\": 503}}");
    assertThat(get("/x").statusCode()).isEqualTo(503);

    middleware.disable();
    assertThat(get("/x").statusCode()).isEqualTo(200);
    assertThat(middleware.attacks())
        .singleElement()
        .extracting(AttackStatus::state)
        .isEqualTo(AttackStatus.State.DISARMED);

    middleware.enable();
    assertThat(get("/x").statusCode()).isEqualTo(503);
  }

  @Test
  void anAttackExpiresByItselfAtTheEndOfItsTtl() throws Exception {
    attack("{\"id\": \"brief\", \"ttl\": \"400ms\", \"abort\": {\"status\": 503}}");
    assertThat(get("/x").statusCode()).isEqualTo(503);

    await(() -> middleware.attacks().isEmpty(), Duration.ofSeconds(5));

    assertThat(get("/x").statusCode()).isEqualTo(200);
    assertThat(log.lines).anyMatch(l -> l.contains("'brief' expired (ttl) after 1 hit(s)"));
  }

  @Test
  void anAttackWithoutTtlGetsTheDefaultAndNoneMayExceedTheMaximum() {
    use(b -> b.defaultTtl(Duration.ofMinutes(2)).maxTtl(Duration.ofMinutes(10)));

    AttackStatus status = attack("{\"abort\": {\"status\": 503}}");

    assertThat(Duration.between(status.createdAt(), status.expiresAt()))
        .isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> attack("{\"ttl\": \"11m\", \"abort\": {\"status\": 503}}"))
        .isInstanceOf(InvalidAttackException.class)
        .hasMessage("ttl 11m exceeds the maximum 10m (chaos4j.middleware.max-ttl)");
  }

  @Test
  void aDelayLongerThanTheMaximumIsRefused() {
    use(b -> b.maxDelay(Duration.ofSeconds(1)));

    assertThatThrownBy(() -> attack("{\"delay\": {\"ms\": 800, \"jitterMs\": 300}}"))
        .isInstanceOf(InvalidAttackException.class)
        .hasMessage("delay of up to 1100 ms exceeds the maximum 1s (chaos4j.middleware.max-delay)");
  }

  @Test
  void nothingActsBeforeTheApplicationIsReady() {
    use(b -> b.readyAfter(null));
    attack("{\"abort\": {\"status\": 503}}");

    assertThat(middleware.isIdle()).isTrue();
    assertThat(get("/x").statusCode()).isEqualTo(200);

    middleware.markReady();
    assertThat(get("/x").statusCode()).isEqualTo(503);
  }

  @Test
  void aMiddlewareArmsByItselfAfterTheConfiguredDelay() throws Exception {
    use(b -> b.readyAfter(Duration.ofMillis(300)));
    attack("{\"abort\": {\"status\": 503}}");
    assertThat(get("/x").statusCode()).isEqualTo(200);

    await(() -> middleware.status().ready(), Duration.ofSeconds(5));

    assertThat(get("/x").statusCode()).isEqualTo(503);
  }

  @Test
  void aDisabledMiddlewareAcceptsNoAttackAndStartsNoAdminApi() {
    use(b -> b.enabled(false).admin(0, "0123456789abcdef"));

    assertThatThrownBy(() -> attack("{\"abort\": {\"status\": 503}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the chaos4j middleware is disabled (chaos4j.middleware.enabled is not true)");
    assertThat(middleware.adminAddress()).isEmpty();
    assertThat(middleware.isIdle()).isTrue();
    assertThat(get("/x").statusCode()).isEqualTo(200);
  }

  @Test
  void severalAttacksOnOneRequestActInTheirOrderAndAreAllMarked() {
    attack("{\"id\": \"slow\", \"delay\": {\"ms\": 200}}");
    attack("{\"id\": \"fail\", \"abort\": {\"status\": 503}}");

    long start = System.nanoTime();
    HttpResponse<String> response = get("/x");

    assertThat(millisSince(start)).isGreaterThanOrEqualTo(200);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue(MARKER)).hasValue("slow,fail");
  }

  @Test
  void theMarkerHeaderCanBeRenamedOrTurnedOff() {
    use(b -> b.responseHeader(""));
    attack("{\"abort\": {\"status\": 503}}");

    HttpResponse<String> response = get("/x");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(attacked(response)).isFalse();
  }

  @Test
  void anUpdateKeepsTheHitCountAndChangesTheEffect() {
    attack("{\"id\": \"u\", \"abort\": {\"status\": 503}}");
    get("/x");

    middleware.update(AttackSpec.parse("{\"id\": \"u\", \"abort\": {\"status\": 504}}"));

    assertThat(get("/x").statusCode()).isEqualTo(504);
    assertThat(middleware.attack("u").orElseThrow().hits()).isEqualTo(2);
  }

  @Test
  void deletingAnAttackReleasesTheRequestsItIsDelaying() throws Exception {
    attack("{\"id\": \"long\", \"route\": \"/d\", \"delay\": {\"ms\": 15000}}");
    CompletableFuture<HttpResponse<String>> delayed = getAsync("/d");
    await(() -> middleware.attack("long").orElseThrow().inFlight() == 1, Duration.ofSeconds(10));

    long start = System.nanoTime();
    assertThat(middleware.delete("long")).isTrue();

    assertThat(delayed.get().statusCode()).isEqualTo(200);
    assertThat(millisSince(start)).isLessThan(10_000);
  }

  // ---- attacks carried by a signed header ----

  static final String SECRET = "a-shared-secret-of-some-length";
  static final String FAULT_FOR_SHOP =
      "{\"actions\": [{\"name\": \"fault\", \"value\": \"java.io.IOException\"}],"
          + " \"target\": {\"application\": \"shop\"}}";

  HttpResponse<String> withHeader(String path, String attack, String signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(AttackHeaders.ATTACK, attack);
    if (signature != null) {
      headers.put(AttackHeaders.SIGNATURE, signature);
    }
    return send("GET", path, headers);
  }

  static String signed(String attack) {
    return AttackHeaders.sign(attack, SECRET, Duration.ofMinutes(1));
  }

  @Test
  void aSignedHeaderAttacksItsRequestAfterTheHandlerAsProofdockDoes() {
    use(b -> b.headerSecret(SECRET));

    HttpResponse<String> response = withHeader("/x", FAULT_FOR_SHOP, signed(FAULT_FOR_SHOP));

    assertThat(response.headers().firstValue("X-Test-Exception")).hasValue("java.io.IOException");
    assertThat(response.headers().firstValue(MARKER)).hasValue("header");
    assertThat(app.calls).hasValue(1);
    assertThat(middleware.status().headers()).containsEntry("accepted", 1L);
  }

  @Test
  void aHeaderDelayInWholeSecondsIsProofdocksUnit() {
    use(b -> b.headerSecret(SECRET));
    String attack = "{\"actions\": [{\"name\": \"delay\", \"value\": \"1\"}]}";

    long start = System.nanoTime();
    HttpResponse<String> response = withHeader("/x", attack, signed(attack));

    assertThat(millisSince(start)).isGreaterThanOrEqualTo(1000);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(attacked(response)).isTrue();
  }

  @Test
  void aHeaderActionTargetsItsRouteWithItsProbabilityAndPhase() {
    use(b -> b.headerSecret(SECRET));
    String attack =
        "{\"actions\": [{\"name\": \"abort\", \"value\": \"503\", \"route\":"
            + " \"/api/*\", \"probability\": \"100\", \"phase\": \"before\"}]}";

    assertThat(withHeader("/api/orders", attack, signed(attack)).statusCode()).isEqualTo(503);
    assertThat(app.calls).hasValue(0);
    assertThat(withHeader("/x", attack, signed(attack)).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnsignedHeaderIsRefusedUnlessTheConfigurationAllowsIt() {
    use(b -> b.headerSecret(SECRET));
    HttpResponse<String> refused = withHeader("/x", FAULT_FOR_SHOP, null);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(attacked(refused)).isFalse();
    assertThat(middleware.status().headers()).containsEntry("unsigned", 1L);

    use(b -> b.allowUnsignedHeaders(true));
    HttpResponse<String> accepted = withHeader("/x", FAULT_FOR_SHOP, null);
    assertThat(accepted.headers().firstValue("X-Test-Exception")).hasValue("java.io.IOException");
  }

  @Test
  void headersAreNotEvenReadWithoutASecretOrPermissionForUnsignedOnes() {
    HttpResponse<String> response = withHeader("/x", FAULT_FOR_SHOP, signed(FAULT_FOR_SHOP));

    assertThat(middleware.isIdle()).isTrue();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(middleware.status().headers()).isEmpty();
  }

  @Test
  void aForgedHeaderIsRefused() {
    use(b -> b.headerSecret(SECRET));
    String otherSecret =
        AttackHeaders.sign(FAULT_FOR_SHOP, "another-secret-entirely", Duration.ofMinutes(1));
    String tampered = FAULT_FOR_SHOP.replace("IOException", "UncheckedIOException");

    assertThat(attacked(withHeader("/x", FAULT_FOR_SHOP, otherSecret))).isFalse();
    assertThat(attacked(withHeader("/x", tampered, signed(FAULT_FOR_SHOP)))).isFalse();
    assertThat(attacked(withHeader("/x", FAULT_FOR_SHOP, "t=1,n=whatever,v1=00"))).isFalse();

    assertThat(app.calls).hasValue(3);
    assertThat(middleware.status().headers()).containsEntry("forged", 3L);
  }

  @Test
  void anExpiredHeaderIsRefused() {
    use(b -> b.headerSecret(SECRET));
    String expired =
        AttackHeaders.sign(FAULT_FOR_SHOP, SECRET, Instant.now().minusSeconds(5), "nonce-0001");

    assertThat(attacked(withHeader("/x", FAULT_FOR_SHOP, expired))).isFalse();
    assertThat(middleware.status().headers()).containsEntry("expired", 1L);
  }

  @Test
  void aReplayedHeaderIsRefused() {
    use(b -> b.headerSecret(SECRET));
    String signature = signed(FAULT_FOR_SHOP);

    assertThat(attacked(withHeader("/x", FAULT_FOR_SHOP, signature))).isTrue();
    assertThat(attacked(withHeader("/x", FAULT_FOR_SHOP, signature))).isFalse();
    assertThat(middleware.status().headers())
        .containsEntry("accepted", 1L)
        .containsEntry("replayed", 1L);
  }

  @Test
  void aHeaderExpiringFurtherAheadThanAllowedIsRefused() {
    use(b -> b.headerSecret(SECRET).headerMaxTtl(Duration.ofMinutes(5)));
    String tooLong = AttackHeaders.sign(FAULT_FOR_SHOP, SECRET, Duration.ofHours(1));

    assertThat(attacked(withHeader("/x", FAULT_FOR_SHOP, tooLong))).isFalse();
    assertThat(middleware.status().headers()).containsEntry("invalid", 1L);
  }

  @Test
  void aHeaderForAnotherApplicationLeavesTheInstalledAttacksActing() {
    use(b -> b.headerSecret(SECRET));
    attack("{\"id\": \"installed\", \"abort\": {\"status\": 503}}");
    String forBilling = FAULT_FOR_SHOP.replace("shop", "billing");

    HttpResponse<String> response = withHeader("/x", forBilling, signed(forBilling));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue(MARKER)).hasValue("installed");
    assertThat(middleware.status().headers()).containsEntry("not-targeted", 1L);
  }

  @Test
  void aHeaderForThisInstanceTakesThePlaceOfTheInstalledAttacks() {
    use(b -> b.headerSecret(SECRET));
    attack("{\"id\": \"installed\", \"abort\": {\"status\": 503}}");
    String delay = "{\"actions\": [{\"name\": \"delay\", \"value\": \"100ms\"}]}";

    HttpResponse<String> response = withHeader("/x", delay, signed(delay));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(MARKER)).hasValue("header");
  }

  @Test
  void headerActionsOutsideTheGuardrailsAreRefused() {
    use(b -> b.headerSecret(SECRET).maxDelay(Duration.ofSeconds(2)));
    String error = "{\"actions\": [{\"name\": \"fault\", \"value\": \"java.lang.Error\"}]}";
    String longDelay = "{\"actions\": [{\"name\": \"delay\", \"value\": \"60\"}]}";

    assertThat(attacked(withHeader("/x", error, signed(error)))).isFalse();
    assertThat(attacked(withHeader("/x", longDelay, signed(longDelay)))).isFalse();
    assertThat(middleware.status().headers()).containsEntry("invalid", 2L);
  }

  @Test
  void anOversizedOrMalformedHeaderIsRefused() {
    use(b -> b.allowUnsignedHeaders(true).headerMaxBytes(100));
    String large =
        "{\"actions\": [{\"name\": \"delay\", \"value\": \"1\", \"route\": \"/"
            + "a".repeat(200)
            + "\"}]}";

    assertThat(attacked(withHeader("/x", large, null))).isFalse();
    assertThat(attacked(withHeader("/x", "{not json", null))).isFalse();
    assertThat(attacked(withHeader("/x", "[{\"name\": \"delay\", \"value\": \"1\"}]", null)))
        .isFalse();
    assertThat(middleware.status().headers()).containsEntry("invalid", 3L);
  }

  @Test
  void theSwitchDisarmsHeaderAttacksToo() {
    use(b -> b.headerSecret(SECRET));
    middleware.disable();

    HttpResponse<String> response = withHeader("/x", FAULT_FOR_SHOP, signed(FAULT_FOR_SHOP));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(attacked(response)).isFalse();
  }

  // ---- configured from the container ----

  @Test
  void theFilterConfiguresItselfFromInitParametersAndPublishesItsMiddleware() {
    TestApp other = new TestApp();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("chaos4j.middleware.enabled", "true");
    params.put("chaos4j.middleware.application", "shop");
    params.put("chaos4j.middleware.ready-after", "0s");
    ContextGrabber grabber = new ContextGrabber();
    Map<String, Filter> filters = new LinkedHashMap<>();
    filters.put("chaos", new ChaosFilter());
    filters.put("grab", grabber);
    try (WebServer configured = kind().start(filters, params, Map.of("/", other))) {
      HttpResponse<String> before = sendTo(configured.base().resolve("/x"));
      ChaosMiddleware published = grabber.middleware;
      assertThat(published).isNotNull();
      assertThat(published.config().application()).isEqualTo("shop");
      published.create(AttackSpec.parse("{\"abort\": {\"status\": 418}}"));

      assertThat(before.statusCode()).isEqualTo(200);
      assertThat(sendTo(configured.base().resolve("/x")).statusCode()).isEqualTo(418);
    }
    assertThat(grabber.middleware.isIdle()).isTrue();
  }

  @Test
  void anInvalidConfigurationIsOneErrorAndTheApplicationRunsUntouched() {
    TestApp other = new TestApp();
    Map<String, String> params =
        Map.of("chaos4j.middleware.enabled", "true", "chaos4j.middleware.max-delay", "soon");
    try (WebServer configured =
        kind().start(Map.of("chaos", new ChaosFilter()), params, Map.of("/", other))) {
      assertThat(sendTo(configured.base().resolve("/x")).statusCode()).isEqualTo(200);
    }
    assertThat(log.lines)
        .anyMatch(
            l ->
                l.startsWith("SEVERE chaos4j middleware not started")
                    && l.contains("chaos4j.middleware.max-delay 'soon' is not a duration"));
  }

  HttpResponse<String> sendTo(URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads the middleware the chaos filter published in the servlet context. */
  static final class ContextGrabber implements Filter {
    volatile ChaosMiddleware middleware;

    @Override
    public void init(jakarta.servlet.FilterConfig config) {
      middleware =
          (ChaosMiddleware)
              config.getServletContext().getAttribute(ChaosMiddleware.CONTEXT_ATTRIBUTE);
    }

    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request,
        jakarta.servlet.ServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws IOException, jakarta.servlet.ServletException {
      chain.doFilter(request, response);
    }
  }
}
