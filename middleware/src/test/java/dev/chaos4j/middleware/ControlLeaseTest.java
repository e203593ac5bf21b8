package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lease on the control URL's attacks: if no poll confirms them in time (a poller that hangs or
 * died), they lapse by themselves, even when their own time-to-live is longer.
 */
class ControlLeaseTest {

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private AttackRegistry registry() {
    MiddlewareConfig config =
        MiddlewareConfig.builder().enabled(true).identity("shop", null, "pod-1").build();
    AttackRegistry registry =
        new AttackRegistry(
            config, new AttackCompiler(config, getClass().getClassLoader()), null, scheduler);
    registry.markReady();
    return registry;
  }

  private static boolean attacks(AttackRegistry registry) {
    AttackPlan plan = registry.plan("GET", "/x", Map.<String, String>of(), Map::get);
    if (plan == null) {
      return false;
    }
    plan.close();
    return true;
  }

  @Test
  void controlAttacksLapseWhenTheLeaseIsNotRenewed() throws Exception {
    AttackRegistry registry = registry();
    registry.replaceControl(
        List.of(
            AttackSpec.parse("{\"id\": \"c\", \"ttl\": \"10m\", \"abort\": {\"status\": 503}}")),
        Duration.ofMillis(300));
    assertThat(attacks(registry)).isTrue();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (registry.size() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(registry.size()).isZero();
    assertThat(attacks(registry)).isFalse();
  }

  @Test
  void aRenewedLeaseKeepsThemActing() throws Exception {
    AttackRegistry registry = registry();
    List<AttackSpec> specs =
        List.of(AttackSpec.parse("{\"id\": \"c\", \"abort\": {\"status\": 503}}"));
    for (int i = 0; i < 6; i++) {
      registry.replaceControl(specs, Duration.ofMillis(300));
      Thread.sleep(100);
    }

    assertThat(attacks(registry)).isTrue();
  }

  @Test
  void controlAttacksNeedAnIdAndUniqueIds() {
    AttackRegistry registry = registry();
    AttackSpec anonymous = AttackSpec.parse("{\"abort\": {\"status\": 503}}");
    AttackSpec named = anonymous.withId("same");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> registry.replaceControl(List.of(anonymous), Duration.ofMinutes(1)))
        .hasMessage("attacks from the control URL need an 'id'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> registry.replaceControl(List.of(named, named), Duration.ofMinutes(1)))
        .hasMessage("attack id 'same' appears twice");
  }
}
