package dev.chaos4j.cli;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.Functions;
import java.util.List;

/** An extension for {@code chaos info extensions} to list, registered by the tests only. */
public final class FakeExtension implements Extension {
  @Override
  public String name() {
    return "chaostoolkit-fake";
  }

  @Override
  public String version() {
    return "1.2.3";
  }

  @Override
  public List<ActivityFunction> functions() {
    return List.of(
        Functions.probe("chaosfake.probes", "ping").doc("Pings.").body(args -> true),
        Functions.action("chaosfake.actions", "kill").doc("Kills.").body(args -> null),
        Functions.action("chaosfake.actions", "stop").doc("Stops.").body(args -> null));
  }
}
