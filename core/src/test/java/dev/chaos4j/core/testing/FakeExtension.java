package dev.chaos4j.core.testing;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.Functions;
import dev.chaos4j.core.spi.SystemDiscovery;
import java.util.List;
import java.util.Map;

/**
 * The Java twin of the fake Python extension the reference's example discovery document was
 * recorded from ({@code reference/ctk-example-discovery.json}); functions are declared out of order
 * on purpose, discovery sorts them. Shared with the command line's tests, which register it in
 * their {@code META-INF/services}.
 */
public final class FakeExtension implements Extension, SystemDiscovery {
  @Override
  public String name() {
    return "chaostoolkit-fake";
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<ActivityFunction> functions() {
    return List.of(
        Functions.probe("chaosfake.probes", "service_is_up")
            .required("url", "string")
            .optional("timeout", "number", 3.0)
            .doc("Return True when the service answers.")
            .returns("boolean")
            .body(args -> true),
        Functions.probe("chaosfake.probes", "count_items")
            .required("names", "list")
            .secrets()
            .doc("Count things.")
            .returns("integer")
            .body(args -> ((List<?>) args.get("names")).size()),
        Functions.action("chaosfake.actions", "restart")
            .required("name", "string")
            .optional("force", "boolean", false)
            .configuration()
            .doc("Restart a service by name.")
            .body(args -> null));
  }

  @Override
  public Object discoverSystem() {
    return Map.of("nodes", 1);
  }
}
