package dev.chaos4j.core.run;

import dev.chaos4j.core.provider.ProviderContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * The loaded inputs of one run.
 *
 * @param configuration the resolved configuration (mutable: controls may change it)
 * @param secrets the resolved secrets, by scope
 * @param workingDirectory where relative paths are resolved
 * @param environment the environment variables children see
 * @param settings the settings file's content
 */
public record RunEnvironment(
    Map<String, Object> configuration,
    Map<String, Object> secrets,
    Path workingDirectory,
    Map<String, String> environment,
    Map<String, Object> settings) {

  /** The view providers get. */
  public ProviderContext providerContext() {
    return new ProviderContext(configuration, secrets, workingDirectory, environment);
  }
}
