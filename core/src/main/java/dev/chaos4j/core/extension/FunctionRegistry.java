package dev.chaos4j.core.extension;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The activity functions of the installed extensions, indexed by Python module and function name,
 * so that {@code {"type": "python", "module": M, "func": F}} providers find their Java
 * implementation.
 *
 * <p>When two extensions register the same module and function, the first one found wins and the
 * other is reported as a warning.
 */
public final class FunctionRegistry {
  private static final Log LOG = Log.of(FunctionRegistry.class);

  /** The registry of the installed extensions, created on first use, and what it was built from. */
  private static FunctionRegistry installed;

  private static List<Extension> installedFrom;

  private final List<Extension> extensions;

  /** Module name to function name to function; modules sorted by name. */
  private final Map<String, Map<String, ActivityFunction>> modules;

  private final List<String> moduleNames;

  private FunctionRegistry(List<Extension> extensions) {
    this.extensions = List.copyOf(extensions);
    Map<String, Map<String, ActivityFunction>> index = new TreeMap<>();
    for (Extension extension : this.extensions) {
      for (ActivityFunction function : extension.functions()) {
        ActivityFunction previous =
            index
                .computeIfAbsent(function.module(), m -> new HashMap<>())
                .putIfAbsent(function.name(), function);
        if (previous != null) {
          LOG.warning(
              "extension '"
                  + extension.name()
                  + "' registers "
                  + function.module()
                  + "."
                  + function.name()
                  + " again; the first registration is kept");
        }
      }
    }
    this.modules = Collections.unmodifiableMap(index);
    this.moduleNames = List.copyOf(index.keySet());
  }

  /**
   * The registry of the installed extensions ({@link ExtensionLoader#installed()}); built once, and
   * the same registry is returned while those extensions stay the same.
   */
  public static synchronized FunctionRegistry installed() {
    List<Extension> extensions = ExtensionLoader.installed();
    if (installed == null || installedFrom != extensions) {
      installed = new FunctionRegistry(extensions);
      installedFrom = extensions;
    }
    return installed;
  }

  /** A registry of exactly these extensions (tests, embedding). */
  public static FunctionRegistry of(List<Extension> extensions) {
    return new FunctionRegistry(extensions);
  }

  /** The function registered under this module and function name. */
  public Optional<ActivityFunction> function(String module, String function) {
    Map<String, ActivityFunction> functions = modules.get(module);
    return functions == null ? Optional.empty() : Optional.ofNullable(functions.get(function));
  }

  /** Whether some extension implements functions of this Python module in Java. */
  public boolean hasModule(String module) {
    return modules.containsKey(module);
  }

  /** The names of the modules implemented in Java, sorted. */
  public List<String> moduleNames() {
    return moduleNames;
  }

  /** The extensions, in the order they were found. */
  public List<Extension> extensions() {
    return extensions;
  }
}
