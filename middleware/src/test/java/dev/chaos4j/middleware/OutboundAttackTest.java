package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Delay;
import dev.chaos4j.middleware.AttackSpec.Direction;
import dev.chaos4j.middleware.AttackSpec.Phase;
import dev.chaos4j.middleware.AttackSpec.ThrowException;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outbound attacks: their JSON form, their checks, and the decision for calls to dependencies. */
class OutboundAttackTest {

  private static final Map<String, String> NO_HEADERS = Map.of();

  private ChaosMiddleware middleware;

  @AfterEach
  void stop() {
    if (middleware != null) {
      middleware.close();
    }
  }

  private ChaosMiddleware start(MiddlewareConfig.Builder config) {
    middleware = ChaosMiddleware.start(config.enabled(true).readyAfter(Duration.ZERO).build());
    return middleware;
  }

  private ChaosMiddleware start() {
    return start(MiddlewareConfig.builder());
  }

  private boolean attacksCall(String method, String url) {
    AttackPlan plan = middleware.planOutbound(method, URI.create(url));
    if (plan == null) {
      return false;
    }
    plan.close();
    return true;
  }

  private boolean attacksRequest(String path) {
    AttackPlan plan = middleware.plan("GET", path, NO_HEADERS, Map::get);
    if (plan == null) {
      return false;
    }
    plan.close();
    return true;
  }

  // ---- the JSON form ----

  @Test
  void readsAnOutboundAttack() {
    AttackSpec spec =
        AttackSpec.parse(
            "{\"id\": \"users-slow\", \"direction\": \"outbound\", \"host\": \"Users.Internal\","
                + " \"port\": 8080, \"route\": \"/users/**\", \"methods\": [\"get\"], \"delay\":"
                + " {\"ms\": 800}, \"exception\": {\"type\": \"java.net.ConnectException\"}}");

    assertThat(spec.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(spec.outbound()).isTrue();
    assertThat(spec.host()).isEqualTo("users.internal");
    assertThat(spec.port()).isEqualTo(8080);
    assertThat(spec.route()).isEqualTo("/users/**");
    assertThat(spec.methods()).containsExactly("GET");
    assertThat(spec.phase()).isEqualTo(Phase.BEFORE);
    assertThat(spec.fault()).isEqualTo(new ThrowException("java.net.ConnectException", null));
  }

  @Test
  void anAttackWithoutDirectionIsInboundAsBefore() {
    AttackSpec spec = AttackSpec.parse("{\"route\": \"/api/**\", \"delay\": {\"ms\": 5}}");

    assertThat(spec.direction()).isEqualTo(Direction.INBOUND);
    assertThat(spec.outbound()).isFalse();
    assertThat(spec.host()).isNull();
    assertThat(spec.port()).isZero();
    assertThat(spec.toMap())
        .containsEntry("direction", "inbound")
        .doesNotContainKeys("host", "port");
  }

  @Test
  void writesWhatItReads() {
    for (String json :
        List.of(
            "{\"id\": \"o\", \"direction\": \"outbound\", \"host\": \"*.svc\", \"port\": 443,"
                + " \"abort\": {\"status\": 503}}",
            "{\"id\": \"p\", \"direction\": \"OUTBOUND\", \"headers\": {\"x-tenant\": \"a\"},"
                + " \"delay\": {\"ms\": 1}}",
            "{\"id\": \"i\", \"direction\": \"inbound\", \"delay\": {\"ms\": 1}}")) {
      AttackSpec spec = AttackSpec.parse(json);
      assertThat(AttackSpec.fromMap(spec.toMap())).isEqualTo(spec);
    }
  }

  @Test
  void buildsInCode() {
    AttackSpec spec =
        AttackSpec.on("/users/*")
            .outbound()
            .host("users.internal")
            .port(8080)
            .methods("GET")
            .delay(Delay.fixed(5))
            .build();

    assertThat(spec)
        .isEqualTo(
            AttackSpec.parse(
                "{\"direction\": \"outbound\", \"host\": \"users.internal\", \"port\": 8080,"
                    + " \"route\": \"/users/*\", \"methods\": [\"GET\"], \"delay\": {\"ms\": 5}}"));
  }

  @Test
  void theFormerConstructorBuildsAnInboundAttack() {
    AttackSpec spec =
        new AttackSpec(
            "a",
            "/x",
            List.of(),
            Map.of(),
            null,
            null,
            null,
            Delay.fixed(1),
            null,
            null,
            1,
            1,
            0,
            0,
            null);

    assertThat(spec.direction()).isEqualTo(Direction.INBOUND);
    assertThat(spec.withId("b").direction()).isEqualTo(Direction.INBOUND);
  }

  @Test
  void refusesWhatCannotBeMeant() {
    Function<String, String> refusal =
        json -> {
          try {
            AttackSpec.parse(json);
            return "accepted";
          } catch (InvalidAttackException e) {
            return e.getMessage();
          }
        };

    assertThat(refusal.apply("{\"host\": \"a\", \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'host' and 'port' name a dependency: they need \"direction\": \"outbound\"");
    assertThat(refusal.apply("{\"port\": 80, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'host' and 'port' name a dependency: they need \"direction\": \"outbound\"");
    assertThat(
            refusal.apply(
                "{\"direction\": \"outbound\", \"phase\": \"after\", \"delay\": {\"ms\": 1}}"))
        .isEqualTo(
            "an outbound attack acts before the call is sent; phase 'after' is for inbound"
                + " attacks");
    assertThat(refusal.apply("{\"direction\": \"sideways\", \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'direction' must be \"inbound\" or \"outbound\", got \"sideways\"");
    assertThat(
            refusal.apply("{\"direction\": \"outbound\", \"port\": 70000, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'port' must be between 1 and 65535, got 70000");
    assertThat(refusal.apply("{\"direction\": \"outbound\", \"port\": 0, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'port' must be between 1 and 65535, got 0");
    assertThat(
            refusal.apply(
                "{\"direction\": \"outbound\", \"host\": \"a b\", \"delay\": {\"ms\": 1}}"))
        .startsWith("host 'a b' must be a host name or address");
  }

  // ---- guardrails ----

  @Test
  void outboundExceptionsComeFromTheirOwnAllowList() {
    start();

    assertThat(
            middleware
                .create(
                    AttackSpec.on("/**")
                        .outbound()
                        .fault(
                            new ThrowException("java.net.SocketTimeoutException", "Read timed out"))
                        .build())
                .spec()
                .outbound())
        .isTrue();
    assertThatThrownBy(
            () ->
                middleware.create(
                    AttackSpec.on("/**")
                        .outbound()
                        .fault(new ThrowException("jakarta.servlet.ServletException", null))
                        .build()))
        .isInstanceOf(InvalidAttackException.class)
        .hasMessageStartingWith(
            "outbound exception type 'jakarta.servlet.ServletException' is not allowed")
        .hasMessageEndingWith("(chaos4j.middleware.outbound.exceptions.allowed)");
    assertThatThrownBy(
            () ->
                middleware.create(
                    AttackSpec.on("/**")
                        .fault(new ThrowException("java.net.ConnectException", null))
                        .build()))
        .isInstanceOf(InvalidAttackException.class)
        .hasMessageEndingWith("(chaos4j.middleware.exceptions.allowed)");
  }

  @Test
  void theOtherGuardrailsApplyToOutboundAttacks() {
    start(
        MiddlewareConfig.builder()
            .maxDelay(Duration.ofSeconds(1))
            .maxTtl(Duration.ofMinutes(1))
            .defaultTtl(Duration.ofSeconds(30))
            .maxAttacks(1));

    assertThatThrownBy(
            () ->
                middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(5000)).build()))
        .hasMessageContaining("max-delay");
    assertThatThrownBy(
            () ->
                middleware.create(
                    AttackSpec.on("/**")
                        .outbound()
                        .delay(Delay.fixed(1))
                        .ttl(Duration.ofHours(1))
                        .build()))
        .hasMessageContaining("max-ttl");
    middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(1)).build());
    assertThatThrownBy(() -> middleware.create(AttackSpec.on("/**").delay(Delay.fixed(1)).build()))
        .hasMessageContaining("max-attacks");
  }

  @Test
  void readsTheOutboundConfigurationKeys() {
    Map<String, String> keys =
        Map.of(
            "chaos4j.middleware.outbound.exceptions.allowed",
            "java.net.ConnectException, java.io.IOException",
            "chaos4j.middleware.outbound.exclude-hosts",
            "Telemetry.internal, *.idp");

    MiddlewareConfig config = MiddlewareConfig.from(keys::get);

    assertThat(config.outboundAllowedExceptions())
        .containsExactlyInAnyOrder("java.net.ConnectException", "java.io.IOException");
    assertThat(config.outboundExcludeHosts()).containsExactly("telemetry.internal", "*.idp");
    assertThat(MiddlewareConfig.builder().build().outboundAllowedExceptions())
        .isEqualTo(MiddlewareConfig.DEFAULT_OUTBOUND_ALLOWED_EXCEPTIONS);
    assertThatThrownBy(
            () ->
                MiddlewareConfig.from(
                    Map.of("chaos4j.middleware.outbound.exclude-hosts", "a/b")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("chaos4j.middleware.outbound.exclude-hosts host 'a/b'");
  }

  // ---- the decision ----

  @Test
  void matchesTheCalledHostCaseInsensitivelyAndIpv6WithoutBrackets() {
    start();
    middleware.create(AttackSpec.on("/**").outbound().host("*.svc").delay(Delay.fixed(1)).build());
    middleware.create(AttackSpec.on("/**").outbound().host("::1").delay(Delay.fixed(1)).build());

    assertThat(attacksCall("GET", "http://Users.SVC/x")).isTrue();
    assertThat(attacksCall("GET", "http://[::1]:8080/x")).isTrue();
    assertThat(attacksCall("GET", "http://users.svc.example/x")).isFalse();
  }

  @Test
  void aUrlWithoutPortCallsItsSchemesDefault() {
    start();
    middleware.create(AttackSpec.on("/**").outbound().port(443).delay(Delay.fixed(1)).build());

    assertThat(attacksCall("GET", "https://api.example/x")).isTrue();
    assertThat(attacksCall("GET", "http://api.example:443/x")).isTrue();
    assertThat(attacksCall("GET", "http://api.example/x")).isFalse();
  }

  @Test
  void routesMatchTheDecodedPathOfTheCall() {
    start();
    middleware.create(AttackSpec.on("/").outbound().delay(Delay.fixed(1)).build());
    middleware.create(AttackSpec.on("/files/a b").outbound().delay(Delay.fixed(1)).build());

    assertThat(attacksCall("GET", "http://h")).isTrue();
    assertThat(attacksCall("GET", "http://h/files/a%20b?q=1")).isTrue();
    assertThat(attacksCall("GET", "http://h/files")).isFalse();
  }

  @Test
  void attacksWithAHeaderConditionSkipCallsWhoseHeadersAreUnknown() {
    start();
    middleware.create(
        AttackSpec.on("/**").outbound().header("x-tenant", "*").delay(Delay.fixed(1)).build());

    assertThat(attacksCall("GET", "http://h/x")).isFalse();
    AttackPlan plan =
        middleware.planOutbound(
            "GET", URI.create("http://h/x"), Map.of("x-tenant", "acme"), Map::get);
    assertThat(plan).isNotNull();
    plan.close();
  }

  @Test
  void eachDirectionOnlyEverSeesItsOwnAttacks() {
    start();
    middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(1)).build());

    assertThat(middleware.isIdle()).isTrue();
    assertThat(attacksRequest("/x")).isFalse();
    assertThat(attacksCall("GET", "http://h/x")).isTrue();

    middleware.clear();
    middleware.create(AttackSpec.on("/**").delay(Delay.fixed(1)).build());

    assertThat(middleware.isOutboundIdle()).isTrue();
    assertThat(attacksCall("GET", "http://h/x")).isFalse();
    assertThat(attacksRequest("/x")).isTrue();
  }

  @Test
  void signedHeaderControlDoesNotArmOutboundCalls() {
    start(MiddlewareConfig.builder().allowUnsignedHeaders(true));

    assertThat(middleware.isIdle()).isFalse();
    assertThat(middleware.isOutboundIdle()).isTrue();
  }

  @Test
  void excludeRoutesAreInboundAndExcludeHostsOutbound() {
    start(
        MiddlewareConfig.builder()
            .excludeRoutes(List.of("/health"))
            .outboundExcludeHosts(List.of("*.idp")));
    middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(1)).build());
    middleware.create(AttackSpec.on("/**").delay(Delay.fixed(1)).build());

    assertThat(attacksCall("GET", "http://h/health")).isTrue();
    assertThat(attacksCall("GET", "http://login.idp/x")).isFalse();
    assertThat(attacksRequest("/health")).isFalse();
  }

  @Test
  void nothingActsBeforeTheApplicationIsReady() {
    middleware = ChaosMiddleware.start(MiddlewareConfig.builder().enabled(true).build());
    middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(1)).build());

    assertThat(middleware.isOutboundIdle()).isTrue();
    middleware.markReady();
    assertThat(attacksCall("GET", "http://h/x")).isTrue();
  }

  @Test
  void theGlobalConcurrencyCapCountsCallsAndRequestsTogether() {
    start(MiddlewareConfig.builder().maxConcurrent(1));
    middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(1)).build());
    middleware.create(AttackSpec.on("/**").delay(Delay.fixed(1)).build());

    AttackPlan call = middleware.planOutbound("GET", URI.create("http://h/x"));
    assertThat(call).isNotNull();
    assertThat(attacksRequest("/x")).isFalse();
    call.close();
    assertThat(attacksRequest("/x")).isTrue();
  }

  @Test
  void aPlanDescribesItsHitsAsBeforeTheCall() {
    start();
    middleware.create(
        AttackSpec.on("/**")
            .outbound()
            .id("o")
            .delay(Delay.fixed(5))
            .fault(new Abort(503, "", null))
            .build());

    try (AttackPlan plan = middleware.planOutbound("GET", URI.create("http://h/x"))) {
      assertThat(plan.hits()).hasSize(1);
      assertThat(plan.hits().get(0).outbound()).isTrue();
      assertThat(plan.hits().get(0).describe())
          .isEqualTo("delay 5 ms, then abort 503 (before the call)");
    }
  }

  @Test
  void logsInstallationsAndHitsWithoutTheQuery() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.chaos4j.middleware");
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(MessageFormat.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      start();
      middleware.create(
          AttackSpec.on("/users/**")
              .outbound()
              .id("o")
              .host("users.internal")
              .port(8443)
              .delay(Delay.fixed(5))
              .fault(new Abort(503, "", null))
              .ttl(Duration.ofMinutes(2))
              .build());
      middleware
          .planOutbound("GET", URI.create("https://users.internal:8443/users/1?token=s"))
          .close();
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(lines)
        .contains(
            "chaos4j attack 'o' installed: outbound calls to users.internal:8443, any method"
                + " /users/**, delay 5 ms, abort 503, before the call, ttl 2m",
            "chaos4j attack 'o' hit outbound GET https://users.internal:8443/users/1: delay 5 ms,"
                + " then abort 503 (before the call)");
  }

  // ---- delays without a thread ----

  @Test
  void anAsyncDelayCompletesWithTrueOnceItsTimeHasPassed() throws Exception {
    start();
    middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(200)).build());

    try (AttackPlan plan = middleware.planOutbound("GET", URI.create("http://h/x"))) {
      long start = System.nanoTime();
      CompletableFuture<Boolean> delay =
          plan.delay(plan.hits().get(0), 200, null).toCompletableFuture();

      assertThat(delay).isNotDone();
      assertThat(delay.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200));
      assertThat(plan.acts(plan.hits().get(0))).isTrue();
    }
  }

  @Test
  void theKillSwitchCompletesAnAsyncDelayWithFalse() throws Exception {
    start();
    middleware.create(AttackSpec.on("/**").outbound().delay(Delay.fixed(20_000)).build());

    try (AttackPlan plan = middleware.planOutbound("GET", URI.create("http://h/x"))) {
      CompletableFuture<Boolean> delay =
          plan.delay(plan.hits().get(0), 20_000, null).toCompletableFuture();
      middleware.disable();

      assertThat(delay.get(10, TimeUnit.SECONDS)).isFalse();
      assertThat(plan.acts(plan.hits().get(0))).isFalse();
      CompletableFuture<Boolean> after =
          plan.delay(plan.hits().get(0), 20_000, null).toCompletableFuture();
      assertThat(after).isCompletedWithValue(false);
    }
  }
}
