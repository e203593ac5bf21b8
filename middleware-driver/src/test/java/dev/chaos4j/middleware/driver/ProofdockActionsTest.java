package dev.chaos4j.middleware.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code pdchaoskit.application.actions} mapped onto a fleet of two real middlewares serving two
 * applications, {@code shop} and {@code billing}.
 */
class ProofdockActionsTest {
  private ChaosApp shop;
  private ChaosApp billing;
  private Activities activities;

  @BeforeEach
  void start() {
    shop = ChaosApp.start("shop");
    billing = ChaosApp.start("billing");
    activities = new Activities(shop.adminUrl(), billing.adminUrl());
  }

  @AfterEach
  void stop() {
    activities.close();
    shop.close();
    billing.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> only(Object attacks) {
    assertThat((List<?>) attacks).hasSize(1);
    return (Map<String, Object>) ((List<?>) attacks).get(0);
  }

  @Test
  void aDelayInSecondsSlowsEveryRouteOfTheTargetApplicationOnly() {
    Map<String, Object> attack =
        only(
            activities.proofdock(
                "start_attack", Map.of("target", "shop", "name", "delay", "value", "1")));

    assertThat(attack)
        .containsEntry("application", "shop")
        .containsEntry("route", "/**")
        .containsEntry("delay", Map.of("ms", 1000))
        .containsEntry("phase", "after")
        .containsEntry("ttl", "5m");
    assertThat(attack.get("id").toString()).startsWith("pdchaoskit-");
    long started = System.nanoTime();
    HttpResponse<String> slowed = shop.get("/any/route");
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(990);
    assertThat(slowed.statusCode()).isEqualTo(200);
    assertThat(slowed.headers().firstValue("X-Chaos4j-Attack"))
        .hasValue(attack.get("id").toString());
    assertThat(billing.get("/any/route").headers().firstValue("X-Chaos4j-Attack")).isEmpty();
    assertThat(billing.middleware.attacks()).isEmpty();
  }

  @Test
  void aDelayMayHaveAUnit() {
    Map<String, Object> attack =
        only(
            activities.proofdock(
                "start_attack", Map.of("target", "shop", "name", "delay", "value", "250ms")));

    assertThat(attack).containsEntry("delay", Map.of("ms", 250));
  }

  @Test
  void aFaultThrowsTheNamedException() {
    activities.proofdock(
        "start_attack",
        Map.of("target", "billing", "name", "fault", "value", "java.io.IOException"));

    assertThat(billing.get("/invoices").statusCode()).isEqualTo(500);
    assertThat(shop.get("/invoices").statusCode()).isEqualTo(200);
  }

  @Test
  void anAbortAnswersTheStatus() {
    activities.proofdock("start_attack", Map.of("target", "shop", "name", "abort", "value", 503));

    assertThat(shop.get("/cart").statusCode()).isEqualTo(503);
  }

  @Test
  void anExceptionOffTheAllowListIsRefusedByTheMiddleware() {
    assertThatThrownBy(
            () ->
                activities.proofdock(
                    "start_attack",
                    Map.of("target", "shop", "name", "fault", "value", "builtins.Exception")))
        .isInstanceOf(ActivityFailed.class)
        .hasMessageStartingWith("ActivityFailed: " + shop.adminUrl() + ": refused (422): ")
        .hasMessageContaining("builtins.Exception");
  }

  @Test
  void anUnknownApplicationIsNotFoundAsInProofdock() {
    assertThatThrownBy(
            () ->
                activities.proofdock(
                    "start_attack", Map.of("target", "orders", "name", "delay", "value", 1)))
        .hasMessage(
            "ActivityFailed: Application orders not found. The configured middlewares serve: shop,"
                + " billing");
  }

  @Test
  void anUnknownActionNameIsRefused() {
    assertThatThrownBy(
            () ->
                activities.proofdock(
                    "start_attack", Map.of("target", "shop", "name", "explode", "value", 1)))
        .hasMessage(
            "ActivityFailed: argument 'name' must be 'delay', 'fault' or 'abort', got 'explode'");
    assertThatThrownBy(
            () ->
                activities.proofdock(
                    "start_attack", Map.of("target", "shop", "name", "delay", "value", "-2")))
        .hasMessageContaining("argument 'value' must be a positive number of seconds");
  }

  @Test
  void cancelWithATargetRemovesOnlyTheAttacksItStartedThere() {
    activities.proofdock("start_attack", Map.of("target", "shop", "name", "abort", "value", 503));
    activities.proofdock(
        "start_attack", Map.of("target", "billing", "name", "abort", "value", 503));
    shop.middleware.create(
        dev.chaos4j.middleware.AttackSpec.fromMap(
            Map.of("id", "own", "route", "/own", "abort", Map.of("status", 500))));

    Object cancelled = activities.proofdock("cancel_attack", Map.of("target", "shop"));

    assertThat(only(cancelled)).containsEntry("application", "shop");
    assertThat(shop.get("/cart").statusCode()).isEqualTo(200);
    assertThat(shop.get("/own").statusCode()).isEqualTo(500);
    assertThat(billing.get("/cart").statusCode()).isEqualTo(503);
  }

  @Test
  void cancelWithoutATargetRemovesEveryAttack() {
    activities.proofdock("start_attack", Map.of("target", "shop", "name", "abort", "value", 503));
    activities.proofdock(
        "start_attack", Map.of("target", "billing", "name", "abort", "value", 503));
    activities.action("start_attack", Map.of("route", "/x", "abort_status", 500));

    Object cancelled = activities.proofdock("cancel_attack", Map.of());

    assertThat((List<?>) cancelled).hasSize(4);
    assertThat(shop.middleware.attacks()).isEmpty();
    assertThat(billing.middleware.attacks()).isEmpty();
  }

  @Test
  void cancelOfAnUnknownApplicationIsNotFound() {
    assertThatThrownBy(() -> activities.proofdock("cancel_attack", Map.of("target", "orders")))
        .hasMessageStartingWith("ActivityFailed: Application orders not found.");
  }
}
