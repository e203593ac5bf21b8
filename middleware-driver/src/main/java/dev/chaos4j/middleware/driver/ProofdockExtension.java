package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.util.List;

/**
 * Proofdock's {@code pdchaoskit.application.actions} ({@code start_attack}, {@code cancel_attack})
 * mapped onto the chaos4j middleware's admin API, so experiments written for Proofdock's chaos
 * middleware run against chaos4j's. Configured with the same keys as {@link
 * MiddlewareDriverExtension}.
 */
public final class ProofdockExtension implements Extension {

  @Override
  public String name() {
    return "proofdock-chaos-kit";
  }

  @Override
  public List<ActivityFunction> functions() {
    return ProofdockActions.all();
  }
}
