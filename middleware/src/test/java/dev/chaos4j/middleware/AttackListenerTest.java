package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.middleware.AttackPlan.Hit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners see attacked requests, their delays, their end, and the changes that stop attacks. */
class AttackListenerTest {

  private final ChaosMiddleware middleware =
      ChaosMiddleware.start(
          MiddlewareConfig.builder()
              .enabled(true)
              .logHits(false)
              .identity("shop", null, "pod-1")
              .build());
  private final List<String> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    middleware.close();
  }

  private AttackPlan plan(String path) {
    return middleware.plan("GET", path, Map.<String, String>of(), Map::get);
  }

  private void record() {
    middleware.addListener(
        new AttackListener() {
          @Override
          public void onAttack(AttackPlan plan) {
            events.add("attack " + plan.marker() + " " + plan.method() + " " + plan.path());
          }

          @Override
          public void onDelay(AttackPlan plan, Hit hit, long servedMillis) {
            events.add("delay " + hit.attackId() + (servedMillis >= 40 ? " served" : " cut"));
          }

          @Override
          public void onDone(AttackPlan plan) {
            events.add("done " + plan.marker());
          }

          @Override
          public void onDisarm() {
            events.add("disarm");
          }
        });
  }

  @Test
  void anAttackedRequestIsReportedFromDecisionToClose() {
    middleware.markReady();
    middleware.create(
        AttackSpec.parse("{\"id\": \"slow\", \"route\": \"/slow\", \"delay\": {\"ms\": 50}}"));
    record();

    try (AttackPlan plan = plan("/slow")) {
      assertThat(plan.hits().get(0).spec().route()).isEqualTo("/slow");
      assertThat(plan.pause(plan.hits().get(0))).isTrue();
    }

    assertThat(events).containsExactly("attack slow GET /slow", "delay slow served", "done slow");
  }

  @Test
  void requestsLeftAloneAreNeverReported() {
    middleware.markReady();
    middleware.create(AttackSpec.parse("{\"route\": \"/slow\", \"delay\": {\"ms\": 50}}"));
    record();

    assertThat(plan("/fast")).isNull();
    assertThat(events).isEmpty();
  }

  @Test
  void theKillSwitchIsReportedAndEndsTheHitsLife() throws Exception {
    middleware.markReady();
    middleware.create(
        AttackSpec.parse("{\"id\": \"slow\", \"route\": \"/**\", \"delay\": {\"ms\": 10000}}"));
    record();
    CountDownLatch disarmed = new CountDownLatch(1);
    middleware.addListener(
        new AttackListener() {
          @Override
          public void onDisarm() {
            disarmed.countDown();
          }
        });

    try (AttackPlan plan = plan("/x")) {
      Hit hit = plan.hits().get(0);
      assertThat(plan.acts(hit)).isTrue();
      middleware.disable();
      assertThat(disarmed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(plan.acts(hit)).isFalse();
      assertThat(plan.pause(hit)).isFalse();
    }

    assertThat(events).contains("disarm").endsWith("done slow");
  }

  @Test
  void deletingAnAttackIsReportedToo() {
    middleware.markReady();
    middleware.create(AttackSpec.parse("{\"id\": \"a\", \"delay\": {\"ms\": 10}}"));
    record();

    try (AttackPlan plan = plan("/x")) {
      middleware.delete("a");
      assertThat(plan.acts(plan.hits().get(0))).isFalse();
    }

    assertThat(events).contains("disarm");
  }

  @Test
  void aFailingListenerDoesNotStopTheRequest() {
    middleware.markReady();
    middleware.create(AttackSpec.parse("{\"id\": \"a\", \"abort\": {\"status\": 503}}"));
    middleware.addListener(
        new AttackListener() {
          @Override
          public void onAttack(AttackPlan plan) {
            throw new IllegalStateException("broken listener");
          }
        });
    record();

    try (AttackPlan plan = plan("/x")) {
      assertThat(plan).isNotNull();
    }

    assertThat(events).containsExactly("attack a GET /x", "done a");
  }
}
