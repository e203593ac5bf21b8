package dev.chaos4j.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.internal.Json;
import dev.chaos4j.middleware.spring.autoconfigure.ChaosMiddlewareProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The properties and the middleware's configuration keys stay one set: every key the middleware
 * reads has a property, Spring's relaxed forms reach it, and the defaults IDEs show are the
 * middleware's own.
 */
class PropertiesTest {

  private static final String PREFIX = "chaos4j.middleware.";

  @Test
  void everyKeyTheMiddlewareReadsHasAProperty() {
    Set<String> read = new TreeSet<>();
    MiddlewareConfig.from(
        key -> {
          read.add(key.substring(PREFIX.length()));
          return null;
        });

    ChaosMiddlewareProperties all = bind(everyKeySet(read));

    assertThat(read).hasSizeGreaterThan(25);
    assertThat(all.toKeys().keySet()).containsExactlyInAnyOrderElementsOf(read);
  }

  @Test
  void relaxedFormsAndListsReachTheMiddleware() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("chaos4j.middleware.enabled", "true");
    source.put("chaos4j.middleware.maxDelay", "2s");
    source.put("chaos4j.middleware.exclude-routes[0]", "/actuator/**");
    source.put("chaos4j.middleware.exclude-routes[1]", "/health");
    source.put("chaos4j.middleware.header.allow-unsigned", "true");

    MiddlewareConfig config =
        MiddlewareConfig.from(key -> bind(source).toKeys().get(key.substring(PREFIX.length())));

    assertThat(config.enabled()).isTrue();
    assertThat(config.maxDelay()).hasSeconds(2);
    assertThat(config.excludeRoutes()).containsExactly("/actuator/**", "/health");
    assertThat(config.allowUnsignedHeaders()).isTrue();
  }

  @Test
  void theDefaultsShownToIdesAreTheMiddlewaresOwn() throws Exception {
    Map<String, String> documented = new HashMap<>();
    for (Object property : metadata("properties")) {
      Map<?, ?> p = (Map<?, ?>) property;
      String name = (String) p.get("name");
      if (p.get("defaultValue") != null && name.startsWith(PREFIX)) {
        documented.put(name, String.valueOf(p.get("defaultValue")));
      }
    }
    documented.remove(PREFIX + "log-hits-level"); // the starter's own key

    MiddlewareConfig withDocumented = MiddlewareConfig.from(documented::get);
    MiddlewareConfig withNothing = MiddlewareConfig.from(key -> null);

    assertThat(documented).hasSizeGreaterThan(15);
    for (Method accessor : MiddlewareConfig.class.getDeclaredMethods()) {
      if (accessor.getParameterCount() == 0
          && java.lang.reflect.Modifier.isPublic(accessor.getModifiers())
          && !java.lang.reflect.Modifier.isStatic(accessor.getModifiers())
          && !accessor.getName().equals("instance")) {
        assertThat(accessor.invoke(withDocumented))
            .as(accessor.getName())
            .isEqualTo(accessor.invoke(withNothing));
      }
    }
  }

  private static Map<String, Object> everyKeySet(Set<String> keys) {
    Map<String, Object> source = new LinkedHashMap<>();
    for (String key : keys) {
      source.put(PREFIX + key, "x");
    }
    return source;
  }

  private static ChaosMiddlewareProperties bind(Map<String, Object> source) {
    return new Binder(new MapConfigurationPropertySource(source))
        .bindOrCreate("chaos4j.middleware", ChaosMiddlewareProperties.class);
  }

  private static List<?> metadata(String section) throws IOException {
    try (InputStream in =
        PropertiesTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      Map<?, ?> document =
          (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (List<?>) document.get(section);
    }
  }
}
