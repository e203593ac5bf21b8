package dev.chaos4j.middleware.spring.autoconfigure;

import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts the middleware from the bound properties: the middleware's own rules check every value,
 * and any problem becomes one {@link ChaosMiddlewareConfigurationException} naming the property.
 */
final class MiddlewareStarter {

  private MiddlewareStarter() {}

  /**
   * The middleware's configuration. When {@code hitsLoggedBySpring}, the per-request log line is
   * left to the starter's SLF4J listener (which logs it with the MDC set, at the chosen level)
   * instead of the middleware's own logger.
   */
  static MiddlewareConfig config(ChaosMiddlewareProperties properties, boolean hitsLoggedBySpring) {
    Map<String, String> keys = properties.toKeys();
    if (hitsLoggedBySpring) {
      keys.put("log-hits", "false");
    }
    try {
      return MiddlewareConfig.from(lookup(keys));
    } catch (IllegalArgumentException e) {
      throw new ChaosMiddlewareConfigurationException(e.getMessage(), e);
    }
  }

  /** Whether the user asked for a line per attacked request (checked by the middleware's rules). */
  static boolean logHits(ChaosMiddlewareProperties properties) {
    try {
      return MiddlewareConfig.from(lookup(properties.toKeys())).logHits();
    } catch (IllegalArgumentException e) {
      throw new ChaosMiddlewareConfigurationException(e.getMessage(), e);
    }
  }

  /** Starts the middleware and installs the attacks of the properties. */
  static ChaosMiddleware start(MiddlewareConfig config, Map<String, String> attacks) {
    ChaosMiddleware middleware;
    try {
      middleware = ChaosMiddleware.start(config);
    } catch (UncheckedIOException e) {
      throw new ChaosMiddlewareConfigurationException(e.getMessage(), e);
    }
    try {
      attacks.forEach((id, json) -> install(middleware, id, json));
    } catch (RuntimeException e) {
      middleware.close();
      throw e;
    }
    return middleware;
  }

  private static void install(ChaosMiddleware middleware, String id, String json) {
    String key = MiddlewareConfig.PREFIX + "attacks." + id;
    try {
      AttackSpec spec = AttackSpec.parse(json);
      if (spec.id() != null && !spec.id().equals(id)) {
        throw new IllegalArgumentException("its id '" + spec.id() + "' differs from the key's");
      }
      middleware.create(spec.withId(id));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ChaosMiddlewareConfigurationException(key + ": " + e.getMessage(), e);
    }
  }

  private static java.util.function.Function<String, String> lookup(Map<String, String> keys) {
    return key -> keys.get(key.substring(MiddlewareConfig.PREFIX.length()));
  }
}
