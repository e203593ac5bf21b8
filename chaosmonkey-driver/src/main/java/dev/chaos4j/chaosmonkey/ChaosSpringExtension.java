package dev.chaos4j.chaosmonkey;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaostoolkit-spring extension in Java: {@code chaosspring.actions} and {@code
 * chaosspring.probes}, which drive Chaos Monkey for Spring Boot through its actuator endpoint.
 * Experiments written for the Python driver run unchanged.
 */
public final class ChaosSpringExtension implements Extension {

  @Override
  public String name() {
    return "chaostoolkit-spring";
  }

  @Override
  public List<ActivityFunction> functions() {
    List<ActivityFunction> functions = new ArrayList<>(ChaosMonkeyActions.all());
    functions.addAll(ChaosMonkeyProbes.all());
    return functions;
  }
}
