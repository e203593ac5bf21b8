package dev.chaos4j.middleware;

import dev.chaos4j.middleware.AttackSpec.ThrowException;
import dev.chaos4j.middleware.internal.Durations;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the guardrails of the configuration to an attack and compiles it. The exception
 * allow-list is checked before any class is even loaded: a request or an API call can never make
 * the application load, initialise or call an arbitrary class.
 */
final class AttackCompiler {

  private final MiddlewareConfig config;
  private final ClassLoader loader;
  private final Map<String, Constructor<? extends Throwable>> constructors =
      new ConcurrentHashMap<>();

  AttackCompiler(MiddlewareConfig config, ClassLoader loader) {
    this.config = config;
    this.loader = loader;
  }

  /** The attack's time-to-live, its own or the default, within the maximum. */
  Duration ttlOf(AttackSpec spec) {
    Duration ttl = spec.ttl() != null ? spec.ttl() : config.defaultTtl();
    if (ttl.compareTo(config.maxTtl()) > 0) {
      throw new InvalidAttackException(
          "ttl "
              + Durations.format(ttl)
              + " exceeds the maximum "
              + Durations.format(config.maxTtl())
              + " ("
              + MiddlewareConfig.PREFIX
              + "max-ttl)");
    }
    return ttl;
  }

  /** Whether the attack's selectors name this application, environment and instance. */
  boolean targetsThisInstance(AttackSpec spec) {
    return selects(spec.application(), config.application())
        && selects(spec.environment(), config.environment())
        && selects(spec.instance(), config.instance());
  }

  /**
   * Checks the attack against the guardrails and compiles it.
   *
   * @throws InvalidAttackException naming the field outside the guardrails
   */
  CompiledAttack compile(AttackSpec spec, AttackState state, long expiresAtNanos) {
    if (spec.delay() != null && spec.delay().longestMillis() > config.maxDelay().toMillis()) {
      throw new InvalidAttackException(
          "delay of up to "
              + spec.delay().longestMillis()
              + " ms exceeds the maximum "
              + Durations.format(config.maxDelay())
              + " ("
              + MiddlewareConfig.PREFIX
              + "max-delay)");
    }
    Constructor<? extends Throwable> exception = null;
    if (spec.fault() instanceof ThrowException t) {
      exception = constructorOf(t.type(), spec.outbound());
    }
    try {
      return new CompiledAttack(
          spec,
          state,
          expiresAtNanos,
          exception,
          exception != null && exception.getParameterCount() == 1);
    } catch (IllegalArgumentException e) {
      throw new InvalidAttackException(e.getMessage());
    }
  }

  /** Outbound attacks have an allow-list of their own: a call fails the way networks fail. */
  private Constructor<? extends Throwable> constructorOf(String type, boolean outbound) {
    Set<String> allowed =
        outbound ? config.outboundAllowedExceptions() : config.allowedExceptions();
    if (!allowed.contains(type)) {
      throw new InvalidAttackException(
          (outbound ? "outbound exception type '" : "exception type '")
              + type
              + "' is not allowed; allowed: "
              + String.join(", ", new TreeSet<>(allowed))
              + " ("
              + MiddlewareConfig.PREFIX
              + (outbound ? "outbound.exceptions.allowed)" : "exceptions.allowed)"));
    }
    return constructors.computeIfAbsent(type, this::resolve);
  }

  private Constructor<? extends Throwable> resolve(String type) {
    Class<?> found;
    try {
      found = Class.forName(type, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InvalidAttackException("exception type '" + type + "' cannot be loaded");
    }
    if (!Throwable.class.isAssignableFrom(found) || Modifier.isAbstract(found.getModifiers())) {
      throw new InvalidAttackException("'" + type + "' is not a concrete Throwable");
    }
    Class<? extends Throwable> throwable = found.asSubclass(Throwable.class);
    try {
      return throwable.getConstructor(String.class);
    } catch (NoSuchMethodException noMessage) {
      try {
        return throwable.getConstructor();
      } catch (NoSuchMethodException none) {
        throw new InvalidAttackException(
            "exception type '" + type + "' has no public constructor taking a message or nothing");
      }
    }
  }

  private static boolean selects(String selector, String value) {
    return selector == null || Objects.equals(selector, value);
  }
}
