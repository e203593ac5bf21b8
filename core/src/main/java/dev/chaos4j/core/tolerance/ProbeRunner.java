package dev.chaos4j.core.tolerance;

import dev.chaos4j.core.ActivityFailed;
import java.util.Map;

/**
 * Runs the probe activity of a {@code {"type": "probe", ...}} tolerance, as the reference's {@code
 * run_activity} does: its provider is called (with its arguments substituted) and its output
 * returned; no pauses, no controls, no journal record.
 */
@FunctionalInterface
public interface ProbeRunner {
  /**
   * Runs the probe and returns its output.
   *
   * @param probe a copy of the tolerance, whose {@code provider.arguments.value} holds the output
   *     of the hypothesis probe being checked
   * @throws ActivityFailed when the probe fails: the tolerance is then not met
   */
  Object run(Map<String, Object> probe);
}
