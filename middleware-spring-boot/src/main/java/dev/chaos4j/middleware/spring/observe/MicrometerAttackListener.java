package dev.chaos4j.middleware.spring.observe;

import dev.chaos4j.middleware.AttackListener;
import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import dev.chaos4j.middleware.AttackStatus;
import dev.chaos4j.middleware.ChaosMiddleware;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The middleware's Micrometer meters. Tags are bounded: the attack's id, its route <em>pattern</em>
 * and its direction, never a request's path or a called URL.
 *
 * <ul>
 *   <li>{@value #HITS} (counter; tags {@code attack}, {@code route}, {@code direction}, {@code
 *       kind}): attacked requests and calls. {@code direction} is {@code inbound} for requests the
 *       application receives, {@code outbound} for calls it makes to its dependencies; {@code kind}
 *       is {@code abort} or {@code exception} when the attack ends in that fault (after its delay,
 *       if any), {@code delay} when it only delays: each attacked request or call counts once per
 *       attack acting on it.
 *   <li>{@value #DELAY} (timer; tags {@code attack}, {@code route}, {@code direction}): the delays
 *       served, as long as they really held the request or call (the kill switch cuts them short).
 *   <li>{@value #ACTIVE} (gauge): attacks acting now.
 *   <li>{@value #ARMED} (gauge): 1 when the middleware is enabled, ready and switched on, else 0.
 * </ul>
 */
public final class MicrometerAttackListener implements AttackListener {

  /** Attacked requests. */
  public static final String HITS = "chaos4j.middleware.hits";

  /** Delays served. */
  public static final String DELAY = "chaos4j.middleware.delay";

  /** Attacks acting now. */
  public static final String ACTIVE = "chaos4j.middleware.attacks.active";

  /** Whether attacks can act. */
  public static final String ARMED = "chaos4j.middleware.armed";

  private final MeterRegistry registry;

  /** Registers the gauges of this middleware and listens to its attacked requests. */
  public MicrometerAttackListener(ChaosMiddleware middleware, MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(ACTIVE, middleware, MicrometerAttackListener::activeAttacks)
        .description("chaos4j attacks acting now")
        .register(registry);
    Gauge.builder(ARMED, middleware, mw -> mw.status().armed() ? 1 : 0)
        .description("1 when chaos4j attacks can act (enabled, ready, switched on)")
        .register(registry);
    middleware.addListener(this);
  }

  @Override
  public void onAttack(AttackPlan plan) {
    for (Hit hit : plan.hits()) {
      Counter.builder(HITS)
          .description("requests and calls attacked by chaos4j")
          .tag("attack", hit.attackId())
          .tag("route", hit.spec().route())
          .tag("direction", direction(hit))
          .tag("kind", kind(hit))
          .register(registry)
          .increment();
    }
  }

  @Override
  public void onDelay(AttackPlan plan, Hit hit, long servedMillis) {
    Timer.builder(DELAY)
        .description("delays injected by chaos4j")
        .tag("attack", hit.attackId())
        .tag("route", hit.spec().route())
        .tag("direction", direction(hit))
        .register(registry)
        .record(servedMillis, TimeUnit.MILLISECONDS);
  }

  private static String direction(Hit hit) {
    return hit.outbound() ? "outbound" : "inbound";
  }

  private static String kind(Hit hit) {
    if (hit.abort() != null) {
      return "abort";
    }
    return hit.throwsException() ? "exception" : "delay";
  }

  private static double activeAttacks(ChaosMiddleware middleware) {
    int active = 0;
    for (AttackStatus attack : middleware.attacks()) {
      if (attack.state() == AttackStatus.State.ACTIVE) {
        active++;
      }
    }
    return active;
  }
}
