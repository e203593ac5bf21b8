package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the configuration keys. */
class MiddlewareConfigTest {

  private static MiddlewareConfig read(Map<String, String> keys) {
    return MiddlewareConfig.from(keys::get);
  }

  @Test
  void isOffWithSafeLimitsByDefault() {
    MiddlewareConfig config = read(Map.of());

    assertThat(config.enabled()).isFalse();
    assertThat(config.readyAfter()).isNull();
    assertThat(config.maxDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.defaultTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.maxTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(config.headerAttacks()).isFalse();
    assertThat(config.adminPort()).isNull();
    assertThat(config.controlUrl()).isNull();
    assertThat(config.allowedExceptions()).isEqualTo(MiddlewareConfig.DEFAULT_ALLOWED_EXCEPTIONS);
    assertThat(config.responseHeader()).isEqualTo("X-Chaos4j-Attack");
    assertThat(config.instance()).isNotBlank();
  }

  @Test
  void readsEveryKey() {
    Map<String, String> keys = new HashMap<>();
    keys.put("chaos4j.middleware.enabled", "TRUE");
    keys.put("chaos4j.middleware.application", "shop");
    keys.put("chaos4j.middleware.environment", "prod");
    keys.put("chaos4j.middleware.instance", "pod-7");
    keys.put("chaos4j.middleware.ready-after", "30s");
    keys.put("chaos4j.middleware.max-delay", "PT10S");
    keys.put("chaos4j.middleware.default-ttl", "2m");
    keys.put("chaos4j.middleware.max-ttl", "1h");
    keys.put("chaos4j.middleware.max-attacks", "5");
    keys.put("chaos4j.middleware.max-concurrent", "7");
    keys.put("chaos4j.middleware.exceptions.allowed", "java.io.IOException, a.b.C");
    keys.put("chaos4j.middleware.exclude-routes", "/health/**,/metrics");
    keys.put("chaos4j.middleware.response-header", "X-Chaos");
    keys.put("chaos4j.middleware.log-hits", "false");
    keys.put("chaos4j.middleware.after-buffer-bytes", "1000");
    keys.put("chaos4j.middleware.header.secret", "0123456789abcdef");
    keys.put("chaos4j.middleware.header.allow-unsigned", "false");
    keys.put("chaos4j.middleware.header.max-ttl", "1m");
    keys.put("chaos4j.middleware.header.replay-cache-size", "50");
    keys.put("chaos4j.middleware.header.max-bytes", "2048");
    keys.put("chaos4j.middleware.admin.port", "0");
    keys.put("chaos4j.middleware.admin.bind", "0.0.0.0");
    keys.put("chaos4j.middleware.admin.token", "fedcba9876543210");
    keys.put("chaos4j.middleware.admin.path", "/ops/chaos");
    keys.put("chaos4j.middleware.admin.max-body-bytes", "4096");
    keys.put("chaos4j.middleware.control.url", "https://control.example/attacks");
    keys.put("chaos4j.middleware.control.token", "t");
    keys.put("chaos4j.middleware.control.interval", "10s");
    keys.put("chaos4j.middleware.control.timeout", "2s");
    keys.put("chaos4j.middleware.control.max-body-bytes", "2048");

    MiddlewareConfig config = read(keys);

    assertThat(config.enabled()).isTrue();
    assertThat(config.application()).isEqualTo("shop");
    assertThat(config.environment()).isEqualTo("prod");
    assertThat(config.instance()).isEqualTo("pod-7");
    assertThat(config.readyAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.defaultTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.maxAttacks()).isEqualTo(5);
    assertThat(config.maxConcurrent()).isEqualTo(7);
    assertThat(config.allowedExceptions()).isEqualTo(Set.of("java.io.IOException", "a.b.C"));
    assertThat(config.excludeRoutes()).containsExactly("/health/**", "/metrics");
    assertThat(config.responseHeader()).isEqualTo("X-Chaos");
    assertThat(config.logHits()).isFalse();
    assertThat(config.afterBufferBytes()).isEqualTo(1000);
    assertThat(config.headerSecret()).isEqualTo("0123456789abcdef");
    assertThat(config.headerAttacks()).isTrue();
    assertThat(config.headerMaxTtl()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.replayCacheSize()).isEqualTo(50);
    assertThat(config.headerMaxBytes()).isEqualTo(2048);
    assertThat(config.adminPort()).isZero();
    assertThat(config.adminBind()).isEqualTo("0.0.0.0");
    assertThat(config.adminToken()).isEqualTo("fedcba9876543210");
    assertThat(config.adminPath()).isEqualTo("/ops/chaos");
    assertThat(config.adminMaxBodyBytes()).isEqualTo(4096);
    assertThat(config.controlUrl()).isEqualTo(URI.create("https://control.example/attacks"));
    assertThat(config.controlToken()).isEqualTo("t");
    assertThat(config.controlInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.controlTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.controlMaxBodyBytes()).isEqualTo(2048);
  }

  @Test
  void readyAfterSignalWaitsForTheApplication() {
    assertThat(read(Map.of("chaos4j.middleware.ready-after", "signal")).readyAfter()).isNull();
    assertThat(read(Map.of("chaos4j.middleware.ready-after", "0s")).readyAfter())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aBadValueIsOneLineNamingTheKey() {
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("enabled", "yes"),
            Map.entry("max-delay", "soon"),
            Map.entry("max-attacks", "many"),
            Map.entry("max-attacks", "0"),
            Map.entry("header.secret", "short"),
            Map.entry("admin.path", "chaos"),
            Map.entry("control.url", "ftp://x/y"),
            Map.entry("exclude-routes", "health"),
            Map.entry("default-ttl", "2h"))) {
      Map<String, String> keys = Map.of("chaos4j.middleware." + bad.getKey(), bad.getValue());
      assertThatThrownBy(() -> read(keys))
          .as(bad.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("chaos4j.middleware." + bad.getKey() + " ")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void environmentVariablesAreTheKeysInUpperCaseWithUnderscores() {
    assertThat(MiddlewareConfig.environmentName("chaos4j.middleware.header.allow-unsigned"))
        .isEqualTo("CHAOS4J_MIDDLEWARE_HEADER_ALLOW_UNSIGNED");
  }

  @Test
  void systemPropertiesAreRead() {
    System.setProperty("chaos4j.middleware.application", "from-property");
    try {
      assertThat(MiddlewareConfig.from(MiddlewareConfig.systemLookup()).application())
          .isEqualTo("from-property");
    } finally {
      System.clearProperty("chaos4j.middleware.application");
    }
  }
}
