package dev.chaos4j.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.spring.observe.MicrometerAttackListener;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The starter in a Spring MVC application on embedded Tomcat: attacks from the properties and from
 * the actuator act on their route only, with the servlet filter's marker, metrics, MDC and log
 * line.
 */
@SpringBootTest(
    classes = {TestApplication.class, MvcTest.OutermostFilter.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "chaos4j.middleware.enabled=true",
      "chaos4j.middleware.log-hits-level=warn",
      "chaos4j.middleware.attacks.broken-orders={\"route\": \"/orders\", \"methods\": [\"GET\"],"
          + " \"abort\": {\"status\": 503, \"body\": \"chaos\","
          + " \"contentType\": \"application/problem+json\"}, \"ttl\": \"1h\"}",
      "management.endpoints.web.exposure.include=chaos4j"
    })
class MvcTest {

  @LocalServerPort int port;
  @Autowired ChaosMiddleware middleware;
  @Autowired MeterRegistry meters;

  private Http http;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void setUp() {
    http = new Http(port);
    log.start();
    logger().addAppender(log);
  }

  @AfterEach
  void tearDown() {
    logger().detachAppender(log);
    middleware.enable();
    for (String id : List.of("slow", "mdc", "boom", "after", "cut")) {
      middleware.delete(id);
    }
    OutermostFilter.SEEN_AFTER.clear();
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger("dev.chaos4j.middleware");
  }

  @Test
  void anAttackFromThePropertiesActsOnItsRouteOnly() {
    HttpResponse<String> attacked = http.get("/orders");
    HttpResponse<String> spared = http.get("/fast");
    HttpResponse<String> otherMethod = http.post("/orders", null);

    assertThat(attacked.statusCode()).isEqualTo(503);
    assertThat(attacked.body()).isEqualTo("chaos");
    assertThat(attacked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(attacked.headers().firstValue("X-Chaos4j-Attack")).hasValue("broken-orders");
    assertThat(spared.statusCode()).isEqualTo(200);
    assertThat(spared.headers().firstValue("X-Chaos4j-Attack")).isEmpty();
    assertThat(otherMethod.statusCode()).isEqualTo(200);
    assertThat(otherMethod.body()).isEqualTo("placed");
  }

  @Test
  void theActuatorCreatesReadsUpdatesAndDeletesAttacks() {
    HttpResponse<String> created =
        http.post(
            "/actuator/chaos4j/attacks",
            "{\"id\": \"slow\", \"route\": \"/slow\", \"delay\": {\"ms\": 50}}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"id\":\"slow\"").contains("\"state\":\"active\"");

    assertThat(http.get("/slow").headers().firstValue("X-Chaos4j-Attack")).hasValue("slow");
    assertThat(http.get("/actuator/chaos4j/attacks/slow").body()).contains("\"hits\":1");
    assertThat(http.get("/actuator/chaos4j/attacks").body()).contains("broken-orders", "slow");

    HttpResponse<String> updated =
        http.put(
            "/actuator/chaos4j/attacks/slow", "{\"route\": \"/slow\", \"delay\": {\"ms\": 20}}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.body()).contains("\"ms\":20").contains("\"hits\":1");

    assertThat(http.delete("/actuator/chaos4j/attacks/slow").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/chaos4j/attacks/slow").statusCode()).isEqualTo(404);
    assertThat(http.get("/slow").headers().firstValue("X-Chaos4j-Attack")).isEmpty();
  }

  @Test
  void theActuatorRefusesABadAttackWithOneClearMessage() {
    HttpResponse<String> typo =
        http.post("/actuator/chaos4j/attacks", "{\"probabilty\": 0.5, \"delay\": {\"ms\": 5}}");
    HttpResponse<String> notJson = http.post("/actuator/chaos4j/attacks", "{delay");
    HttpResponse<String> tooLong =
        http.post("/actuator/chaos4j/attacks", "{\"delay\": {\"ms\": 3600000}}");
    HttpResponse<String> taken =
        http.post(
            "/actuator/chaos4j/attacks", "{\"id\": \"broken-orders\", \"delay\": {\"ms\": 1}}");

    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).startsWith("{\"error\":\"unknown key 'probabilty' in an attack");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("max-delay");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(middleware.attacks()).hasSize(1);
  }

  @Test
  void theKillSwitchCutsADelayShortAndDisarms() throws Exception {
    middleware.create(
        dev.chaos4j.middleware.AttackSpec.parse(
            "{\"id\": \"cut\", \"route\": \"/slow\", \"delay\": {\"ms\": 20000}}"));
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> delayed = http.getAsync("/slow");
    awaitInFlight("cut");

    HttpResponse<String> off = http.post("/actuator/chaos4j/disable", null);

    HttpResponse<String> response = delayed.get(10, TimeUnit.SECONDS);
    assertThat(off.body()).contains("\"armed\":false");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(http.get("/orders").statusCode()).isEqualTo(200);
    assertThat(http.post("/actuator/chaos4j/enable", null).body()).contains("\"armed\":true");
    assertThat(http.get("/orders").statusCode()).isEqualTo(503);
  }

  @Test
  void anExceptionAttackAnswersAsAnUncaughtExceptionWithTheMarker() {
    http.post(
        "/actuator/chaos4j/attacks",
        "{\"id\": \"boom\", \"route\": \"/slow\","
            + " \"exception\": {\"type\": \"java.lang.IllegalStateException\"}}");

    HttpResponse<String> response = http.get("/slow");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("X-Chaos4j-Attack")).hasValue("boom");
  }

  @Test
  void anAfterPhaseAbortLetsTheHandlerRunThenReplacesItsResponse() {
    middleware.delete("broken-orders");
    try {
      http.post(
          "/actuator/chaos4j/attacks",
          "{\"id\": \"after\", \"route\": \"/orders\", \"methods\": [\"POST\"], \"phase\":"
              + " \"after\", \"abort\": {\"status\": 502}}");
      int before = TestApplication.ORDERS_PLACED.get();

      HttpResponse<String> response = http.post("/orders", null);

      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(response.body()).isEmpty();
      assertThat(TestApplication.ORDERS_PLACED.get()).isEqualTo(before + 1);
    } finally {
      middleware.create(
          dev.chaos4j.middleware.AttackSpec.parse(
              "{\"id\": \"broken-orders\", \"route\": \"/orders\", \"methods\": [\"GET\"],"
                  + " \"abort\": {\"status\": 503, \"body\": \"chaos\","
                  + " \"contentType\": \"application/problem+json\"}, \"ttl\": \"1h\"}"));
    }
  }

  @Test
  void metricsCountHitsByAttackRouteAndKindAndTimeDelays() {
    http.post(
        "/actuator/chaos4j/attacks",
        "{\"id\": \"slow\", \"route\": \"/sl*\", \"delay\": {\"ms\": 30}}");
    double aborts = hits("broken-orders", "/orders", "abort");

    http.get("/orders");
    http.get("/slow");
    http.get("/slow");

    assertThat(hits("broken-orders", "/orders", "abort")).isEqualTo(aborts + 1);
    assertThat(hits("slow", "/sl*", "delay")).isEqualTo(2);
    assertThat(
            meters
                .get(MicrometerAttackListener.DELAY)
                .tags("attack", "slow", "route", "/sl*")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isGreaterThanOrEqualTo(60);
    assertThat(meters.get(MicrometerAttackListener.ACTIVE).gauge().value()).isEqualTo(2);
    assertThat(meters.get(MicrometerAttackListener.ARMED).gauge().value()).isEqualTo(1);
  }

  @Test
  void theMdcNamesTheAttackDuringTheRequestAndIsClearedAfter() {
    http.post(
        "/actuator/chaos4j/attacks",
        "{\"id\": \"mdc\", \"route\": \"/mdc\", \"delay\": {\"ms\": 1}}");

    HttpResponse<String> attacked = http.get("/mdc");

    assertThat(attacked.body()).isEqualTo("mdc=mdc");
    // The outermost filter's code after the chain may run after the client has the response.
    awaitNonEmpty(OutermostFilter.SEEN_AFTER);
    assertThat(OutermostFilter.SEEN_AFTER).containsExactly("none");
    assertThat(log.list)
        .filteredOn(line -> line.getFormattedMessage().contains(" hit "))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getLevel()).isEqualTo(Level.WARN);
              assertThat(line.getFormattedMessage())
                  .isEqualTo("chaos4j attack 'mdc' hit GET /mdc: delay 1 ms (before the handler)");
              assertThat(line.getMDCPropertyMap()).containsEntry("chaos4j.attack", "mdc");
            });
    assertThat(http.get("/fast").body()).doesNotContain("mdc");
  }

  private double hits(String attack, String route, String kind) {
    var counter =
        meters
            .find(MicrometerAttackListener.HITS)
            .tags("attack", attack, "route", route, "kind", kind)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private void awaitInFlight(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (middleware.attack(id).orElseThrow().inFlight() == 0) {
      assertThat(System.nanoTime()).as("request in flight in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static void awaitNonEmpty(List<String> seen) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (seen.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A filter outside the chaos filter: records the MDC entry once the request is done. */
  @TestConfiguration
  static class OutermostFilter {
    static final List<String> SEEN_AFTER = new CopyOnWriteArrayList<>();

    @Bean
    FilterRegistrationBean<Filter> mdcAfterTheRequest() {
      FilterRegistrationBean<Filter> registration =
          new FilterRegistrationBean<>(
              (request, response, chain) -> {
                chain.doFilter(request, response);
                String value = MDC.get("chaos4j.attack");
                if (request instanceof jakarta.servlet.http.HttpServletRequest http
                    && http.getRequestURI().equals("/mdc")) {
                  SEEN_AFTER.add(value == null ? "none" : value);
                }
              });
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
