package dev.chaos4j.middleware.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.middleware.AttackStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code chaos4j.middleware.actions} and probes against a real middleware in Jetty. */
class AttackActionsTest {
  private ChaosApp app;
  private Activities activities;

  @BeforeEach
  void start() {
    app = ChaosApp.start("shop");
    activities = new Activities(app.adminUrl());
  }

  @AfterEach
  void stop() {
    activities.close();
    app.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void startAttackAbortsOnlyTheChosenRouteAndMethod() {
    Object attack =
        activities.action(
            "start_attack",
            Map.of("route", "/api/orders/**", "methods", List.of("get"), "abort_status", 503));

    assertThat(map(attack))
        .containsEntry("route", "/api/orders/**")
        .containsEntry("methods", List.of("GET"))
        .containsEntry("state", "active")
        .containsEntry("source", "local")
        .containsEntry("hits", 0);
    assertThat(map(map(attack).get("abort"))).containsEntry("status", 503);
    assertThat(app.get("/api/orders/1").statusCode()).isEqualTo(503);
    assertThat(app.request("POST", "/api/orders/1").statusCode()).isEqualTo(200);
    assertThat(app.get("/api/catalog").statusCode()).isEqualTo(200);
  }

  @Test
  void startAttackDelaysTheChosenRouteOnly() {
    activities.action(
        "start_attack", Map.of("route", "/slow", "delay_ms", 400, "attack_id", "slow-route"));

    long started = System.nanoTime();
    HttpResponse<String> slow = app.get("/slow");
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    HttpResponse<String> other = app.get("/fast");

    assertThat(slow.body()).isEqualTo("ok GET /slow");
    assertThat(slow.headers().firstValue("X-Chaos4j-Attack")).hasValue("slow-route");
    assertThat(elapsedMs).isGreaterThanOrEqualTo(390);
    assertThat(other.headers().firstValue("X-Chaos4j-Attack")).isEmpty();
  }

  @Test
  void startWithoutTtlGetsTheConfiguredOrDefaultLifetimeAndAnId() {
    Object first = activities.action("start_attack", Map.of("route", "/a", "abort_status", 500));
    activities.configure(MiddlewareDriverExtension.TTL, "90s");
    Object second = activities.action("start_attack", Map.of("route", "/b", "abort_status", 500));
    Object third =
        activities.action("start_attack", Map.of("route", "/c", "abort_status", 500, "ttl", 30));

    assertThat(map(first)).containsEntry("ttl", "5m");
    assertThat(map(first).get("id").toString()).matches("chaos4j-[0-9a-f]{8}");
    assertThat(map(second)).containsEntry("ttl", "90s");
    assertThat(map(third)).containsEntry("ttl", "30s");
  }

  @Test
  void startAttackCombinesADelayWithAnExceptionAndTargetsHeaders() {
    Object attack =
        activities.action(
            "start_attack",
            Map.of(
                "route",
                "/pay",
                "delay_min_ms",
                10,
                "delay_max_ms",
                20,
                "exception",
                "java.io.IOException",
                "exception_message",
                "chaos",
                "headers",
                Map.of("x-tenant", "acme-*"),
                "phase",
                "after"));

    assertThat(map(attack))
        .containsEntry("delay", Map.of("minMs", 10, "maxMs", 20))
        .containsEntry("exception", Map.of("type", "java.io.IOException", "message", "chaos"))
        .containsEntry("phase", "after");
    assertThat(app.get("/pay").statusCode()).isEqualTo(200);
  }

  @Test
  void cancelAttackRestoresTheRouteAndIsIdempotent() {
    activities.action(
        "start_attack", Map.of("route", "/orders", "abort_status", 503, "attack_id", "orders"));
    assertThat(app.get("/orders").statusCode()).isEqualTo(503);

    Object cancelled = activities.action("cancel_attack", Map.of("attack_id", "orders"));
    Object again = activities.action("cancel_attack", Map.of("attack_id", "orders"));

    assertThat(cancelled).isEqualTo(Map.of("deleted", 1));
    assertThat(again).isEqualTo(Map.of("deleted", 0));
    assertThat(app.get("/orders").statusCode()).isEqualTo(200);
  }

  @Test
  void cancelAttackWithoutIdRemovesEveryAttack() {
    activities.action("start_attack", Map.of("route", "/a", "abort_status", 503));
    activities.action("start_attack", Map.of("route", "/b", "abort_status", 503));

    Object cancelled = activities.action("cancel_attack", Map.of());

    assertThat(cancelled).isEqualTo(Map.of("deleted", 2));
    assertThat(app.middleware.attacks()).isEmpty();
    assertThat(app.get("/a").statusCode()).isEqualTo(200);
  }

  @Test
  void updateAttackChangesTheGivenPartsAndKeepsTheRest() {
    activities.action(
        "start_attack",
        Map.of("route", "/a", "abort_status", 503, "abort_body", "down", "attack_id", "moving"));
    app.get("/a");

    Object updated =
        activities.action(
            "update_attack", Map.of("attack_id", "moving", "route", "/b", "abort_status", 502));

    assertThat(map(updated))
        .containsEntry("route", "/b")
        .containsEntry("hits", 1)
        .containsEntry("ttl", "5m");
    assertThat(map(map(updated).get("abort")))
        .containsEntry("status", 502)
        .containsEntry("body", "down");
    assertThat(app.get("/a").statusCode()).isEqualTo(200);
    HttpResponse<String> b = app.get("/b");
    assertThat(b.statusCode()).isEqualTo(502);
    assertThat(b.body()).isEqualTo("down");
  }

  @Test
  void updateAttackKeepsAnOutboundAttackOnItsDependency() throws Exception {
    // made through the admin API: the driver's functions start inbound attacks only
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app.adminUrl() + "/attacks"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"id\": \"payments-down\", \"direction\": \"outbound\","
                                + " \"host\": \"payments.internal\", \"port\": 8443,"
                                + " \"route\": \"/charge\", \"abort\": {\"status\": 503}}"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + ChaosApp.TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    Object updated =
        activities.action(
            "update_attack", Map.of("attack_id", "payments-down", "abort_status", 502));

    assertThat(map(updated))
        .containsEntry("direction", "outbound")
        .containsEntry("host", "payments.internal")
        .containsEntry("port", 8443)
        .containsEntry("route", "/charge");
    assertThat(map(map(updated).get("abort"))).containsEntry("status", 502);
    // still aimed at the dependency, so the application's own /charge route is left alone
    assertThat(app.get("/charge").statusCode()).isEqualTo(200);
  }

  @Test
  void updateAttackFromAbortToExceptionReplacesTheEffect() {
    activities.action(
        "start_attack", Map.of("route", "/a", "abort_status", 503, "attack_id", "effect"));

    Object updated =
        activities.action(
            "update_attack", Map.of("attack_id", "effect", "exception", "java.io.IOException"));

    assertThat(map(updated)).doesNotContainKey("abort");
    assertThat(map(updated).get("exception")).isEqualTo(Map.of("type", "java.io.IOException"));
    assertThat(app.get("/a").statusCode()).isEqualTo(500);
  }

  @Test
  void disableDisarmsEveryAttackAndEnableRearmsThem() {
    activities.action("start_attack", Map.of("route", "/a", "abort_status", 503));

    Object disabled = activities.action("disable", Map.of());
    int whileDisabled = app.get("/a").statusCode();
    Object enabled = activities.action("enable", Map.of());

    assertThat(map(disabled)).containsEntry("armed", false).containsEntry("switchedOn", false);
    assertThat(whileDisabled).isEqualTo(200);
    assertThat(map(enabled)).containsEntry("armed", true);
    assertThat(app.get("/a").statusCode()).isEqualTo(503);
  }

  @Test
  void probesListAttacksCountHitsAndReportStatus() {
    activities.action(
        "start_attack", Map.of("route", "/a", "abort_status", 503, "attack_id", "counted"));
    app.get("/a");
    app.get("/a");
    app.get("/other");

    Object list = activities.probe("list_attacks", Map.of());
    Object hits = activities.probe("attack_hits", Map.of("attack_id", "counted"));
    Object status = activities.probe("middleware_status", Map.of());

    assertThat((List<?>) list).hasSize(1);
    assertThat(map(((List<?>) list).get(0)))
        .containsEntry("id", "counted")
        .containsEntry("hits", 2);
    assertThat(hits).isEqualTo(2L);
    assertThat(map(status))
        .containsEntry("application", "shop")
        .containsEntry("armed", true)
        .containsEntry("attacks", 1);
  }

  @Test
  void aStartedAttackIsReallyInstalledInTheMiddleware() {
    activities.action(
        "start_attack", Map.of("route", "/a", "abort_status", 500, "attack_id", "real"));

    AttackStatus installed = app.middleware.attack("real").orElseThrow();

    assertThat(installed.state()).isEqualTo(AttackStatus.State.ACTIVE);
    assertThat(installed.spec().route()).isEqualTo("/a");
  }
}
