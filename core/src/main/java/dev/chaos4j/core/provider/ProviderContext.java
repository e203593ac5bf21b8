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
 */
public record ProviderContext(
    Map<String, Object> configuration, Map<String, Object> secrets, Path workingDirectory) {

  /** A context with no configuration nor secrets, in the given directory. */
  public static ProviderContext empty(Path workingDirectory) {
    return new ProviderContext(Map.of(), Map.of(), workingDirectory);
  }
}
