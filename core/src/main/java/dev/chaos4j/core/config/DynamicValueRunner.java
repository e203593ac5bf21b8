package dev.chaos4j.core.config;

import java.util.Map;

/**
 * Runs the probe of a dynamic configuration value, the way the engine runs any probe (substitution,
 * provider, timeouts). Supplied by the engine to {@link ConfigurationLoader#resolveDynamic}.
 */
@FunctionalInterface
public interface DynamicValueRunner {

  /**
   * Runs one probe and returns its provider output.
   *
   * @param probe the probe activity (a copy whose {@code provider.secrets} names every secret
   *     scope, so a function that asks for secrets gets them all, as in the reference)
   * @param configuration the configuration resolved so far: the keys declared before this one
   * @param secrets the loaded secrets
   * @return the provider output: {@code {status, stdout, stderr}} for a process, {@code {status,
   *     headers, body}} for HTTP, the function's return value otherwise
   * @throws RuntimeException when the probe fails; the key is then left out of the configuration
   */
  Object run(
      Map<String, Object> probe, Map<String, Object> configuration, Map<String, Object> secrets);
}
