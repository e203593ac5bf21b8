package dev.chaos4j.core.run;

import dev.chaos4j.core.ChaosException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code {"ref": "<name>"}} activities to the activity of that name declared in the
 * hypothesis or the method (the last of a name wins, as in the reference).
 */
final class RefResolver {
  private final Map<String, Map<String, Object>> byName = new HashMap<>();

  @SuppressWarnings("unchecked")
  RefResolver(Map<String, Object> experiment) {
    Object hypothesis = experiment.get("steady-state-hypothesis");
    if (hypothesis instanceof Map<?, ?> h && h.get("probes") instanceof List<?> probes) {
      index((List<Object>) probes);
    }
    if (experiment.get("method") instanceof List<?> method) {
      index((List<Object>) method);
    }
  }

  @SuppressWarnings("unchecked")
  private void index(List<Object> activities) {
    for (Object o : activities) {
      if (o instanceof Map<?, ?> m
          && m.get("name") instanceof String name
          && !m.containsKey("ref")) {
        byName.put(name, (Map<String, Object>) m);
      }
    }
  }

  /** The activity itself, or the one it references. */
  Map<String, Object> resolve(Map<String, Object> activity) {
    Object ref = activity.get("ref");
    if (ref == null) {
      return activity;
    }
    Map<String, Object> target = ref instanceof String s ? byName.get(s) : null;
    if (target == null) {
      throw new ChaosException(
          "referenced activity '" + ref + "' could not be found in the experiment");
    }
    return target;
  }
}
