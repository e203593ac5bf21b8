package dev.chaos4j.core.discovery;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.extension.ExtensionLoader;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The installed extensions, sorted by name, and the lookup {@code chaos discover NAME} needs. */
public final class InstalledExtensions {
  private final List<Extension> extensions;

  private InstalledExtensions(List<Extension> extensions) {
    this.extensions = extensions.stream().sorted(Comparator.comparing(Extension::name)).toList();
  }

  /**
   * The installed extensions as {@link ExtensionLoader#installed()} finds them: the same instances
   * the function registry indexes, loaded once.
   */
  public static InstalledExtensions load() {
    return new InstalledExtensions(ExtensionLoader.installed());
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
