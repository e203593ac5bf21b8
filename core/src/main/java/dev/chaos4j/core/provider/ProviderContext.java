package dev.chaos4j.core.provider;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a provider sees of the run when it executes or validates an activity.
 *
 * @param configuration the loaded configuration; live, so controls' changes are seen by later
 *     activities, as in the reference
 * @param secrets the loaded secrets: scope name to a map of values
 * @param workingDirectory the directory relative paths are resolved against ({@code --change-dir})
 * @param environment the environment variables of the run: the process environment plus what dotenv
 *     {@code --var-file}s inject (the JVM cannot change its own environment, so child processes get
 *     this map)
 */
public record ProviderContext(
    Map<String, Object> configuration,
    Map<String, Object> secrets,
    Path workingDirectory,
    Map<String, String> environment) {

  /** A context with no configuration nor secrets, the process environment, in a directory. */
  public static ProviderContext empty(Path workingDirectory) {
    return new ProviderContext(Map.of(), Map.of(), workingDirectory, System.getenv());
  }
}
