package dev.chaos4j.core.run;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.provider.Provider;
import dev.chaos4j.core.provider.ProviderContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider type {@code fake} for engine tests: returns {@code provider.output}, fails with {@code
 * provider.fail}, breaks with {@code provider.crash}, sleeps {@code provider.sleep} seconds
 * (interruptibly); records the names of the activities it ran.
 */
final class FakeProvider implements Provider {
  final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public String type() {
    return "fake";
  }

  @Override
  public void validate(Map<String, Object> activity, ProviderContext context) {}

  @Override
  public Object run(Map<String, Object> activity, ProviderContext context) {
    calls.add(String.valueOf(activity.get("name")));
    Map<?, ?> p = (Map<?, ?>) activity.get("provider");
    if (p.get("sleep") instanceof Number n) {
      try {
        Thread.sleep((long) (n.doubleValue() * 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptExecution("interrupted");
      }
    }
    if (p.get("fail") != null) {
      throw new ActivityFailed(String.valueOf(p.get("fail")));
    }
    if (p.get("crash") != null) {
      throw new ChaosException(String.valueOf(p.get("crash")));
    }
    return p.get("output");
  }
}
