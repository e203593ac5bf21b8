package dev.chaos4j.core.provider;

import java.util.Map;

/**
 * Executes activities of one provider type ({@code http}, {@code process}, {@code python}, {@code
 * java}). Every activity of an experiment goes through exactly one provider.
 */
public interface Provider {

  /** The value of {@code provider.type} this provider handles. */
  String type();

  /**
   * Checks the activity's provider block with the reference's rules and messages.
   *
   * @param activity the whole activity (its {@code name} appears in messages)
   * @throws dev.chaos4j.core.InvalidActivity with the reference's message on the first problem
   */
  void validate(Map<String, Object> activity, ProviderContext context);

  /**
   * Runs the activity and returns its output, a JSON value ({@code {status, stdout, stderr}} for
   * processes, {@code {status, headers, body}} for HTTP, the function's return value otherwise).
   * Substitution of the provider's fields happens here, with the provider's own rules.
   *
   * <p>Blocking calls honour thread interruption: on interrupt the provider stops what it started
   * (kills the child process tree, abandons the HTTP exchange), keeps the thread's interrupt flag
   * set and throws {@link dev.chaos4j.core.InterruptExecution}.
   *
   * @throws dev.chaos4j.core.ActivityFailed when the activity ran and failed (the run carries on)
   */
  Object run(Map<String, Object> activity, ProviderContext context);
}
