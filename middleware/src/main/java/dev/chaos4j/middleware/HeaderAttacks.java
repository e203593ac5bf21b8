package dev.chaos4j.middleware;

import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Delay;
import dev.chaos4j.middleware.AttackSpec.Fault;
import dev.chaos4j.middleware.AttackSpec.Phase;
import dev.chaos4j.middleware.AttackSpec.ThrowException;
import dev.chaos4j.middleware.internal.Durations;
import dev.chaos4j.middleware.internal.Json;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Attacks carried by a request in Proofdock's {@code x-proofdock-attack} header: checks the
 * signature (or that unsigned headers are allowed), the expiry and replays, then reads the attack
 * and compiles it under the same guardrails as any other attack.
 *
 * <p>The header's shape is Proofdock's: {@code {"actions": [{"name": "delay"|"fault", "value":
 * "...", "route": "...", "probability": "1-100"}], "target": {"application": "...", "environment":
 * "..."}}}. A delay's value is whole seconds, as in Proofdock, or a duration with a unit ({@code
 * "250ms"}); a fault's value is an allow-listed exception type. chaos4j adds {@code "abort"}
 * (value: a status), an optional {@code "phase"} per action, and {@code "instance"} in the target.
 */
final class HeaderAttacks {

  /** What became of one attack header; each has a counter in the status. */
  enum Outcome {
    ACCEPTED,
    NOT_TARGETED,
    UNSIGNED,
    FORGED,
    EXPIRED,
    REPLAYED,
    INVALID;

    String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static final System.Logger LOG = System.getLogger("dev.chaos4j.middleware");
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final String HEADER_ATTACK_ID = "header";

  private final MiddlewareConfig config;
  private final AttackCompiler compiler;
  private final ReplayCache replays;
  private final AtomicLongArray counts = new AtomicLongArray(Outcome.values().length);
  private final AtomicLongArray lastWarned = new AtomicLongArray(Outcome.values().length);

  HeaderAttacks(MiddlewareConfig config, AttackCompiler compiler) {
    this.config = config;
    this.compiler = compiler;
    this.replays = new ReplayCache(config.replayCacheSize());
    long never = System.nanoTime() - 2 * WARN_EVERY_NANOS;
    for (int i = 0; i < Outcome.values().length; i++) {
      lastWarned.set(i, never);
    }
  }

  /**
   * The attacks of a request's header, or {@code null} when it is refused or aims at another
   * instance (then the installed attacks apply as usual).
   */
  CompiledAttack[] accept(String attack, String signature) {
    if (attack.length() > config.headerMaxBytes()) {
      return refuse(Outcome.INVALID, "it is longer than " + config.headerMaxBytes() + " bytes");
    }
    long now = System.currentTimeMillis() / 1000;
    if (signature == null || config.headerSecret() == null) {
      if (!config.allowUnsignedHeaders()) {
        return refuse(Outcome.UNSIGNED, "it has no " + AttackHeaders.SIGNATURE + " header");
      }
    } else {
      AttackHeaders.Signature sig = AttackHeaders.read(signature);
      if (sig == null || !sig.verifies(attack, config.headerSecret())) {
        return refuse(Outcome.FORGED, "its signature does not match");
      }
      if (sig.expiresAtEpochSecond() < now) {
        return refuse(Outcome.EXPIRED, "its signature expired");
      }
      if (sig.expiresAtEpochSecond() - now > config.headerMaxTtl().toSeconds()) {
        return refuse(
            Outcome.INVALID,
            "its signature expires more than "
                + Durations.format(config.headerMaxTtl())
                + " ahead ("
                + MiddlewareConfig.PREFIX
                + "header.max-ttl)");
      }
      switch (replays.firstUse(sig.mac(), sig.expiresAtEpochSecond(), now)) {
        case REPLAYED:
          return refuse(Outcome.REPLAYED, "its signature was already used");
        case FULL:
          return refuse(
              Outcome.REPLAYED,
              "the replay cache is full ("
                  + MiddlewareConfig.PREFIX
                  + "header.replay-cache-size="
                  + config.replayCacheSize()
                  + ")");
        default:
          break;
      }
    }
    return read(attack);
  }

  /** The counters by outcome, for the status. */
  Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      out.put(o.key(), counts.get(o.ordinal()));
    }
    return out;
  }

  private CompiledAttack[] read(String attack) {
    Object document;
    try {
      document = Json.parse(attack);
    } catch (Json.JsonException e) {
      return refuse(Outcome.INVALID, e.getMessage());
    }
    if (!(document instanceof Map<?, ?> map) || !(map.get("actions") instanceof List<?> actions)) {
      return refuse(Outcome.INVALID, "it is not an object with a list of \"actions\"");
    }
    Object target = map.get("target");
    if (target != null && !(target instanceof Map<?, ?>)) {
      return refuse(Outcome.INVALID, "its \"target\" is not an object");
    }
    if (target instanceof Map<?, ?> t && !targetsThisInstance(t)) {
      counts.incrementAndGet(Outcome.NOT_TARGETED.ordinal());
      return null;
    }
    List<CompiledAttack> compiled = new ArrayList<>(actions.size());
    List<String> problems = new ArrayList<>();
    long expiresAt = System.nanoTime() + config.maxDelay().toNanos() * 2;
    for (Object action : actions) {
      try {
        compiled.add(compiler.compile(action(action), new AttackState(), expiresAt));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (compiled.isEmpty()) {
      return refuse(Outcome.INVALID, "no valid action: " + String.join("; ", problems));
    }
    if (!problems.isEmpty()) {
      LOG.log(Level.DEBUG, "chaos4j attack header: actions skipped: {0}", problems);
    }
    counts.incrementAndGet(Outcome.ACCEPTED.ordinal());
    return compiled.toArray(new CompiledAttack[0]);
  }

  private boolean targetsThisInstance(Map<?, ?> target) {
    return selects(target.get("application"), config.application())
        && selects(target.get("environment"), config.environment())
        && selects(target.get("instance"), config.instance());
  }

  private static boolean selects(Object selector, String value) {
    return selector == null || Objects.equals(selector, value);
  }

  private AttackSpec action(Object action) {
    if (!(action instanceof Map<?, ?> a)) {
      throw new InvalidAttackException("an action is not an object");
    }
    String name = String.valueOf(a.get("name"));
    Object value = a.get("value");
    if (value == null) {
      throw new InvalidAttackException("action '" + name + "' has no value");
    }
    String text = value instanceof Number n ? Json.write(n) : String.valueOf(value);
    Delay delay = null;
    Fault fault = null;
    switch (name) {
      case "delay" -> delay = Delay.fixed(delayMillis(text));
      case "fault" -> fault = new ThrowException(text, null);
      case "abort" -> fault = new Abort(status(text), "", null);
      default -> throw new InvalidAttackException("unknown action '" + name + "'");
    }
    Object route = a.get("route");
    Object phase = a.get("phase");
    return new AttackSpec(
        HEADER_ATTACK_ID,
        route == null || String.valueOf(route).isEmpty() ? "/**" : String.valueOf(route),
        List.of(),
        Map.of(),
        null,
        null,
        null,
        delay,
        fault,
        phase(phase),
        probability(a.get("probability")),
        1,
        0,
        0,
        null);
  }

  /** Proofdock acts after the handler; an action may say {@code "phase": "before"}. */
  private static Phase phase(Object value) {
    if (value == null) {
      return Phase.AFTER;
    }
    for (Phase phase : Phase.values()) {
      if (phase.jsonName().equals(String.valueOf(value).trim().toLowerCase(Locale.ROOT))) {
        return phase;
      }
    }
    throw new InvalidAttackException("phase '" + value + "' is not before or after");
  }

  private static long delayMillis(String value) {
    String v = value.trim();
    Duration delay;
    if (v.matches("\\d{1,9}")) {
      delay = Duration.ofSeconds(Long.parseLong(v));
    } else if (v.matches("\\d+(\\.\\d*)?\\s*[a-zA-Z]+")) {
      delay = Durations.parse(v);
    } else {
      throw new InvalidAttackException("delay '" + value + "' is not whole seconds or a duration");
    }
    if (delay.isZero()) {
      throw new InvalidAttackException("delay must be positive");
    }
    return delay.toMillis();
  }

  private static int status(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidAttackException("abort '" + value + "' is not a status");
    }
  }

  /** Proofdock's probability: a whole percentage from 1 to 100; absent means always. */
  private static double probability(Object value) {
    if (value == null) {
      return 1;
    }
    try {
      int percent = Integer.parseInt(String.valueOf(value).trim());
      if (percent >= 1 && percent <= 100) {
        return percent / 100.0;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidAttackException(
        "probability '" + value + "' is not a percentage from 1 to 100");
  }

  private CompiledAttack[] refuse(Outcome outcome, String why) {
    counts.incrementAndGet(outcome.ordinal());
    long now = System.nanoTime();
    long last = lastWarned.get(outcome.ordinal());
    // Requests carry these headers, so anyone can send many: warn once a minute per outcome.
    boolean warn =
        now - last >= WARN_EVERY_NANOS && lastWarned.compareAndSet(outcome.ordinal(), last, now);
    LOG.log(
        warn ? Level.WARNING : Level.DEBUG,
        "chaos4j attack header refused ({0}): {1}",
        outcome.key(),
        why);
    return null;
  }
}
