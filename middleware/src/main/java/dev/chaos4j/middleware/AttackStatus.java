package dev.chaos4j.middleware;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An installed attack as the admin API and probes see it: its definition, where it came from,
 * whether it is acting, and its counters.
 *
 * @param spec the definition
 * @param source who installed it
 * @param state whether it is acting, and if not, why
 * @param createdAt when it was installed (or last changed)
 * @param expiresAt when it ends by itself
 * @param hits requests attacked so far (kept across updates)
 * @param inFlight requests being attacked right now
 */
public record AttackStatus(
    AttackSpec spec,
    Source source,
    State state,
    Instant createdAt,
    Instant expiresAt,
    long hits,
    int inFlight) {

  /** Who installed an attack. */
  public enum Source {
    /** The local API: the admin HTTP API or code calling {@link ChaosMiddleware}. */
    LOCAL,
    /** The control URL; it goes away when the control plane stops listing it or fails. */
    CONTROL
  }

  /** Whether an installed attack acts on requests. */
  public enum State {
    /** Attacks the requests it targets. */
    ACTIVE,
    /** Reached its {@code maxHits}; stays listed until it expires or is deleted. */
    EXHAUSTED,
    /** Its application, environment or instance selector names another instance. */
    NOT_TARGETED,
    /** The middleware is disabled, not ready yet, or switched off. */
    DISARMED,
    /** Past its time-to-live; about to be removed. */
    EXPIRED
  }

  /** The JSON form: the definition's keys plus source, state, times and counters. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>(spec.toMap());
    out.put("source", source.name().toLowerCase(Locale.ROOT));
    out.put("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    out.put("createdAt", createdAt.toString());
    out.put("expiresAt", expiresAt.toString());
    out.put("hits", hits);
    out.put("inFlight", inFlight);
    return out;
  }
}
