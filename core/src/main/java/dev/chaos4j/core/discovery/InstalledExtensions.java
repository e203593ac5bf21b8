package dev.chaos4j.core.discovery;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The extensions on the classpath (registered in {@code
 * META-INF/services/dev.chaos4j.core.spi.Extension}), sorted by name, and the lookup {@code chaos
 * discover NAME} needs.
 */
public final class InstalledExtensions {
  private static final Log LOG = Log.of(InstalledExtensions.class);

  private final List<Extension> extensions;

  private InstalledExtensions(List<Extension> extensions) {
    this.extensions = extensions.stream().sorted(Comparator.comparing(Extension::name)).toList();
  }

  /**
   * Loads every extension registered on the context class loader. An extension that cannot be
   * instantiated is skipped with a warning, so one broken jar does not hide the others.
   */
  public static InstalledExtensions load() {
    List<Extension> found = new ArrayList<>();
    Iterator<Extension> it = ServiceLoader.load(Extension.class).iterator();
    while (true) {
      boolean more;
      try {
        more = it.hasNext();
      } catch (ServiceConfigurationError e) {
        // A broken services file: the loader cannot promise to find what follows it.
        LOG.warning("stopped loading extensions at a broken registration: " + e.getMessage());
        break;
      }
      if (!more) {
        break;
      }
      try {
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        LOG.warning("skipping an extension that cannot be loaded: " + e.getMessage());
      }
    }
    return new InstalledExtensions(found);
  }

  /** A fixed set of extensions (embedding and tests). */
  public static InstalledExtensions of(List<Extension> extensions) {
    return new InstalledExtensions(extensions);
  }

  /** Every installed extension, sorted by name. */
  public List<Extension> all() {
    return extensions;
  }

  /**
   * The extension a user names: by its name, compared as Python compares distribution names (case,
   * {@code -}, {@code _} and {@code .} do not matter), or else by a module it provides or a prefix
   * of one ({@code chaosk8s} finds the extension providing {@code chaosk8s.pod.actions}).
   *
   * @throws ChaosException when no extension, or more than one by module, matches; the message
   *     lists the installed extensions
   */
  public Extension find(String nameOrModule) {
    String wanted = normalize(nameOrModule);
    for (Extension extension : extensions) {
      if (normalize(extension.name()).equals(wanted)) {
        return extension;
      }
    }
    List<Extension> byModule =
        extensions.stream().filter(e -> providesModule(e, nameOrModule)).toList();
    if (byModule.size() == 1) {
      return byModule.get(0);
    }
    if (byModule.isEmpty()) {
      throw new ChaosException(
          "no installed extension is named '"
              + nameOrModule
              + "' or provides module '"
              + nameOrModule
              + "'; "
              + describeInstalled());
    }
    throw new ChaosException(
        "module '"
            + nameOrModule
            + "' is provided by several extensions ("
            + byModule.stream().map(Extension::name).collect(Collectors.joining(", "))
            + "); name the extension instead");
  }

  /** {@code installed: a (moda, modb), b (modc)}, or a sentence saying there is none. */
  public String describeInstalled() {
    if (extensions.isEmpty()) {
      return "no extension is installed (extensions are jars on chaos4j's classpath)";
    }
    return "installed: "
        + extensions.stream()
            .map(e -> e.name() + " (" + String.join(", ", topModules(e)) + ")")
            .collect(Collectors.joining(", "));
  }

  private static boolean providesModule(Extension extension, String module) {
    for (ActivityFunction function : extension.functions()) {
      String m = function.module();
      if (m.equals(module) || m.startsWith(module + ".")) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> topModules(Extension extension) {
    Set<String> modules = new LinkedHashSet<>();
    for (ActivityFunction function : extension.functions()) {
      String m = function.module();
      int dot = m.indexOf('.');
      modules.add(dot < 0 ? m : m.substring(0, dot));
    }
    return modules;
  }

  /** PEP 503 normalisation of distribution names. */
  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
