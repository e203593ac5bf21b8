package dev.chaos4j.middleware;

import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Delay;
import dev.chaos4j.middleware.AttackSpec.Phase;
import dev.chaos4j.middleware.internal.Glob;
import dev.chaos4j.middleware.internal.PathPattern;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An attack ready for the per-request decision: patterns compiled, the exception's constructor
 * resolved, limits as plain fields. Immutable apart from its shared {@link AttackState}; deciding
 * that a request is not targeted allocates nothing.
 */
final class CompiledAttack {
  final String id;
  final AttackSpec spec;
  final AttackState state;
  final long expiresAtNanos;
  final boolean outbound;

  private final Glob host;
  private final int port;
  private final PathPattern route;
  private final String[] methods;
  private final String[] headerNames;
  private final Glob[] headerGlobs;
  private final double probability;
  private final int everyNth;
  private final int maxConcurrent;
  private final long maxHits;
  private final Constructor<? extends Throwable> exception;
  private final boolean exceptionTakesMessage;

  CompiledAttack(
      AttackSpec spec,
      AttackState state,
      long expiresAtNanos,
      Constructor<? extends Throwable> exception,
      boolean exceptionTakesMessage) {
    this.id = spec.id();
    this.spec = spec;
    this.state = state;
    this.expiresAtNanos = expiresAtNanos;
    this.outbound = spec.outbound();
    this.host = spec.host() == null ? null : Glob.compile(spec.host());
    this.port = spec.port();
    this.route = PathPattern.compile(spec.route());
    this.methods = spec.methods().toArray(new String[0]);
    this.headerNames = spec.headers().keySet().toArray(new String[0]);
    this.headerGlobs = spec.headers().values().stream().map(Glob::compile).toArray(Glob[]::new);
    this.probability = spec.probability();
    this.everyNth = spec.everyNth();
    this.maxConcurrent = spec.maxConcurrent();
    this.maxHits = spec.maxHits();
    this.exception = exception;
    this.exceptionTakesMessage = exceptionTakesMessage;
  }

  private CompiledAttack(CompiledAttack other, long expiresAtNanos) {
    this.id = other.id;
    this.spec = other.spec;
    this.state = other.state;
    this.expiresAtNanos = expiresAtNanos;
    this.outbound = other.outbound;
    this.host = other.host;
    this.port = other.port;
    this.route = other.route;
    this.methods = other.methods;
    this.headerNames = other.headerNames;
    this.headerGlobs = other.headerGlobs;
    this.probability = other.probability;
    this.everyNth = other.everyNth;
    this.maxConcurrent = other.maxConcurrent;
    this.maxHits = other.maxHits;
    this.exception = other.exception;
    this.exceptionTakesMessage = other.exceptionTakesMessage;
  }

  /** The same attack with another end of life (a control-plane lease shorter than its TTL). */
  CompiledAttack expiringAt(long nanos) {
    return nanos == expiresAtNanos ? this : new CompiledAttack(this, nanos);
  }

  /** Whether the request is one this attack aims at: method, route, then headers. */
  <R> boolean targets(String method, String path, R request, RequestHeaders<R> headers) {
    if (methods.length != 0 && !contains(methods, method)) {
      return false;
    }
    if (!route.matches(path)) {
      return false;
    }
    return headersMatch(request, headers);
  }

  /**
   * Whether the outgoing call is one this attack aims at: port, host, then as {@link #targets}. The
   * host is lower case, without IPv6 brackets.
   */
  <R> boolean targetsCall(
      String method,
      String calledHost,
      int calledPort,
      String path,
      R request,
      RequestHeaders<R> headers) {
    return (port == 0 || port == calledPort)
        && (host == null || host.matches(calledHost))
        && targets(method, path, request, headers);
  }

  private <R> boolean headersMatch(R request, RequestHeaders<R> headers) {
    for (int i = 0; i < headerNames.length; i++) {
      String value = headers.get(request, headerNames[i]);
      if (value == null || !headerGlobs[i].matches(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Passes a targeted request through the gates (alive, every Nth, probability, concurrency, hit
   * cap); on success the request holds one of this attack's concurrency slots until {@link
   * #release()}.
   */
  boolean tryFire() {
    if (state.ended || System.nanoTime() - expiresAtNanos >= 0) {
      return false;
    }
    if (everyNth > 1 && state.targeted.incrementAndGet() % everyNth != 0) {
      return false;
    }
    if (probability < 1 && ThreadLocalRandom.current().nextDouble() >= probability) {
      return false;
    }
    if (state.inFlight.incrementAndGet() > maxConcurrent && maxConcurrent > 0) {
      state.inFlight.decrementAndGet();
      return false;
    }
    if (maxHits == 0) {
      state.hits.incrementAndGet();
      return true;
    }
    while (true) {
      long hits = state.hits.get();
      if (hits >= maxHits) {
        state.inFlight.decrementAndGet();
        return false;
      }
      if (state.hits.compareAndSet(hits, hits + 1)) {
        return true;
      }
    }
  }

  /** Gives back the concurrency slot taken by {@link #tryFire()}. */
  void release() {
    state.inFlight.decrementAndGet();
  }

  /** Whether the hit cap is reached. */
  boolean exhausted() {
    return maxHits > 0 && state.hits.get() >= maxHits;
  }

  Phase phase() {
    return spec.phase();
  }

  Abort abort() {
    return spec.fault() instanceof Abort a ? a : null;
  }

  boolean throwsException() {
    return exception != null;
  }

  /** The delay for one hit, in milliseconds, drawn from the attack's delay; 0 for none. */
  long sampleDelayMillis() {
    Delay delay = spec.delay();
    if (delay == null) {
      return 0;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (delay.jitterMillis() > 0) {
      long jitter = random.nextLong(-delay.jitterMillis(), delay.jitterMillis() + 1);
      return Math.max(0, delay.minMillis() + jitter);
    }
    if (delay.maxMillis() > delay.minMillis()) {
      return random.nextLong(delay.minMillis(), delay.maxMillis() + 1);
    }
    return delay.minMillis();
  }

  /** A new instance of the attack's exception. */
  Throwable newException() {
    String message =
        spec.fault() instanceof AttackSpec.ThrowException t && t.message() != null
            ? t.message()
            : "chaos4j attack '" + id + "'";
    try {
      return exceptionTakesMessage ? exception.newInstance(message) : exception.newInstance();
    } catch (InvocationTargetException e) {
      return new IllegalStateException(
          "chaos4j attack '" + id + "': the constructor of " + exception.getName() + " failed",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      return new IllegalStateException(
          "chaos4j attack '" + id + "': cannot create " + exception.getName(), e);
    }
  }

  private static boolean contains(String[] values, String value) {
    for (String v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
