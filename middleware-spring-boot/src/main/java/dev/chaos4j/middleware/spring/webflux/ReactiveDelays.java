package dev.chaos4j.middleware.spring.webflux;

import dev.chaos4j.middleware.AttackListener;
import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import dev.chaos4j.middleware.ChaosMiddleware;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * Delays as timers rather than sleeping threads: the reactive counterpart of {@link
 * AttackPlan#pause}. A delay ends early, as a blocking pause does, when its hit stops being live
 * (kill switch, attack removed): the middleware reports such changes through {@link #onDisarm()}. A
 * delay whose subscriber goes away (the client disconnected, the caller cancelled) is cancelled
 * with its timer.
 *
 * <p>One instance per middleware, shared by its server filter and its client filters: the
 * middleware's listeners cannot be removed, so each adapter instance must not add its own.
 */
final class ReactiveDelays implements AttackListener {

  private static final Mono<Boolean> NO_DELAY = Mono.just(true);

  /** Weak keys: a closed middleware no longer referenced takes its delays with it. */
  private static final Map<ChaosMiddleware, ReactiveDelays> OF_MIDDLEWARE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();

  private ReactiveDelays() {}

  /** The delays of this middleware, listening to it from the first call on. */
  static ReactiveDelays of(ChaosMiddleware middleware) {
    return OF_MIDDLEWARE.computeIfAbsent(
        middleware,
        mw -> {
          ReactiveDelays delays = new ReactiveDelays();
          mw.addListener(delays);
          return delays;
        });
  }

  /** Emits {@code true} once the hit's delay is served, {@code false} if it was cut short. */
  Mono<Boolean> pause(AttackPlan plan, Hit hit) {
    if (hit.delayMillis() <= 0) {
      return NO_DELAY;
    }
    return Mono.create(
        sink -> {
          Waiting w = new Waiting(plan, hit, sink);
          waiting.add(w);
          Disposable timer =
              Mono.delay(Duration.ofMillis(hit.delayMillis())).subscribe(tick -> w.end(true));
          sink.onCancel(() -> w.end(false));
          sink.onDispose(
              () -> {
                waiting.remove(w);
                timer.dispose();
              });
          // checked after registering, so that a switch-off in between is not missed
          if (!plan.acts(hit)) {
            w.end(false);
          }
        });
  }

  /** Ends the delays whose hit is no longer live, off the thread that made the change. */
  @Override
  public void onDisarm() {
    for (Waiting w : waiting) {
      if (!w.plan.acts(w.hit)) {
        Schedulers.parallel().schedule(() -> w.end(false));
      }
    }
  }

  /** One delay in progress. */
  private static final class Waiting {
    final AttackPlan plan;
    final Hit hit;
    private final MonoSink<Boolean> sink;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    Waiting(AttackPlan plan, Hit hit, MonoSink<Boolean> sink) {
      this.plan = plan;
      this.hit = hit;
      this.sink = sink;
    }

    void end(boolean served) {
      if (ended.compareAndSet(false, true)) {
        plan.reportDelay(hit, (System.nanoTime() - startNanos) / 1_000_000);
        sink.success(served);
      }
    }
  }
}
