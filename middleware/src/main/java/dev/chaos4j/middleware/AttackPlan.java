package dev.chaos4j.middleware;

import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What to do to one attacked request, or to one attacked call to a dependency: the hits of the
 * attacks that fired, in order, each with its delay drawn and its fault. A framework adapter
 * carries it out (delay, then abort or throw; before or after the handler, or before the call is
 * sent) and closes it when the request or call is done, which frees the concurrency slots it holds.
 * Exists only for attacked requests: the decision returns {@code null} otherwise.
 *
 * <p>Delays are waited either on the calling thread ({@link #pause}) or without a thread ({@link
 * #delay}, for asynchronous and reactive adapters); both end early when the attack is disarmed.
 */
public final class AttackPlan implements AutoCloseable {

  private final AttackRegistry registry;
  private final String method;
  private final String path;
  private final List<Hit> hits = new ArrayList<>(2);
  private final boolean holdsGlobalSlot;
  private long delayBudgetMillis;
  private boolean closed;

  /**
   * {@link #marker()}, made on first use: adapters ask for it several times per request (header,
   * log context, exchange attribute). Its hits are all added before the plan is handed out.
   */
  private String marker;

  AttackPlan(
      AttackRegistry registry,
      boolean holdsGlobalSlot,
      long delayBudgetMillis,
      String method,
      String path) {
    this.registry = registry;
    this.method = method;
    this.path = path;
    this.holdsGlobalSlot = holdsGlobalSlot;
    this.delayBudgetMillis = delayBudgetMillis;
  }

  /** Adds a hit; its delay is cut so that the delays of one request stay within the maximum. */
  void add(CompiledAttack attack) {
    long delay = Math.min(attack.sampleDelayMillis(), delayBudgetMillis);
    delayBudgetMillis -= delay;
    hits.add(new Hit(attack, delay));
  }

  /** The attacked request's HTTP method. */
  public String method() {
    return method;
  }

  /**
   * The attacked request's path, relative to the context path (not a pattern: do not use it as a
   * metric tag).
   */
  public String path() {
    return path;
  }

  /** The hits, in the order the attacks were installed. */
  public List<Hit> hits() {
    return Collections.unmodifiableList(hits);
  }

  /** Whether some hit acts in this phase. */
  public boolean has(Phase phase) {
    for (Hit hit : hits) {
      if (hit.phase() == phase) {
        return true;
      }
    }
    return false;
  }

  /** The value of the response header that marks the response: the ids of the attacks. */
  public String marker() {
    String text = marker;
    if (text == null) {
      StringBuilder out = new StringBuilder();
      for (Hit hit : hits) {
        if (out.length() > 0) {
          out.append(',');
        }
        out.append(hit.attackId());
      }
      text = out.toString();
      marker = text;
    }
    return text;
  }

  /**
   * Waits for the hit's delay on the calling thread. Returns early, with {@code false}, when the
   * middleware is switched off or the attack removed (one switch stops every delay in progress), or
   * when the thread is interrupted (its interrupt flag is kept).
   */
  public boolean pause(Hit hit) {
    if (hit.delayMillis <= 0) {
      return true;
    }
    long start = System.nanoTime();
    boolean served = registry.pause(hit.attack, hit.delayMillis);
    reportDelay(hit, (System.nanoTime() - start) / 1_000_000);
    return served;
  }

  /**
   * Reports to the listeners how long a hit's delay held the request; {@link #pause} does it
   * itself, adapters that wait without it call this when the delay ends.
   */
  public void reportDelay(Hit hit, long servedMillis) {
    registry.delayed(this, hit, servedMillis);
  }

  /**
   * Waits {@code millis} for the hit on the calling thread, ending early as {@link #pause(Hit)}
   * does: for an adapter that waits only part of the hit's delay (up to the caller's own timeout,
   * say).
   */
  public boolean pause(Hit hit, long millis) {
    long start = System.nanoTime();
    boolean served = registry.pause(hit.attack, millis);
    reportDelay(hit, (System.nanoTime() - start) / 1_000_000);
    return served;
  }

  /**
   * Waits {@code millis} for the hit without holding a thread, for asynchronous and reactive
   * adapters: the stage completes with {@code true} once the time has passed and the hit still
   * acts, or with {@code false} as soon as the middleware is switched off or the attack removed
   * (its fault is then cancelled). It completes on {@code executor} ({@code null}: the JDK's
   * default asynchronous pool), or at once when there is nothing to wait.
   */
  public CompletionStage<Boolean> delay(Hit hit, long millis, Executor executor) {
    return registry.delay(hit.attack, millis, executor);
  }

  /**
   * Whether the hit may still act: its attack is installed and the middleware armed. An adapter
   * that schedules a delay itself checks it before applying the fault, and when {@link
   * AttackListener#onDisarm()} is called, to end its delay early.
   */
  public boolean acts(Hit hit) {
    return registry.acts(hit.attack);
  }

  /** Frees the concurrency slots this request holds; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Hit hit : hits) {
      hit.attack.release();
    }
    if (holdsGlobalSlot) {
      registry.releaseGlobalSlot();
    }
    registry.done(this);
  }

  /** One attack acting on the request. */
  public static final class Hit {
    private final CompiledAttack attack;
    private final long delayMillis;

    Hit(CompiledAttack attack, long delayMillis) {
      this.attack = attack;
      this.delayMillis = delayMillis;
    }

    /** The attack's id ({@code header} for an attack carried by the request's header). */
    public String attackId() {
      return attack.id;
    }

    /** The attack's definition (for a header attack, the one its header carried). */
    public AttackSpec spec() {
      return attack.spec;
    }

    /** Before or after the handler; always before for a call to a dependency. */
    public Phase phase() {
      return attack.phase();
    }

    /** Whether the hit acts on a call to a dependency. */
    public boolean outbound() {
      return attack.outbound;
    }

    /** The delay drawn for this request, in milliseconds; 0 for none. */
    public long delayMillis() {
      return delayMillis;
    }

    /** The abort to answer with, or {@code null}. */
    public Abort abort() {
      return attack.abort();
    }

    /** Whether the hit ends by throwing {@link #newException()}. */
    public boolean throwsException() {
      return attack.throwsException();
    }

    /** A new instance of the allow-listed exception this hit throws. */
    public Throwable newException() {
      return attack.newException();
    }

    /** One phrase for logs: {@code delay 200 ms, then abort 503}. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      if (delayMillis > 0 || attack.spec.delay() != null) {
        out.append("delay ").append(delayMillis).append(" ms");
      }
      String fault = null;
      if (abort() != null) {
        fault = "abort " + abort().status();
      } else if (throwsException()) {
        fault = "throw " + ((AttackSpec.ThrowException) attack.spec.fault()).type();
      }
      if (fault != null) {
        out.append(out.length() > 0 ? ", then " : "").append(fault);
      }
      if (attack.outbound) {
        return out.append(" (before the call)").toString();
      }
      return out.append(phase() == Phase.BEFORE ? " (before" : " (after")
          .append(" the handler)")
          .toString();
    }
  }
}
