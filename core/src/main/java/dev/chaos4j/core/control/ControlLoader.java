package dev.chaos4j.core.control;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InvalidControl;
import dev.chaos4j.core.control.internal.PythonControl;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.python.Inspection;
import dev.chaos4j.core.provider.python.PythonBridge;
import dev.chaos4j.core.provider.python.PythonUnavailable;
import dev.chaos4j.core.value.Py;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds what implements a control declaration:
 *
 * <ul>
 *   <li>{@code {"type": "python", "module": M}}: the Java control registered for {@code M} (a
 *       {@link ControlModule}), else the Python module {@code M} through the bridge when Python can
 *       import it;
 *   <li>{@code {"type": "java", "class": C, "classpath": [...]}}: the class {@code C}, which
 *       implements {@link Control} and has a public no-argument constructor; {@code classpath}
 *       entries (jars, class directories) are relative to the working directory.
 * </ul>
 *
 * Other provider types are not controls anybody implements, and are ignored as in the reference.
 */
public final class ControlLoader implements AutoCloseable {
  /** The Java controls of the class path, by module; looked up on first need. */
  private static volatile Map<String, ControlModule> installed;

  private final Map<String, ControlModule> modules;
  private final PythonBridge bridge;
  private final ProviderContext pythonContext;
  private final Map<List<Path>, URLClassLoader> classLoaders = new HashMap<>();

  /**
   * A loader of the installed Java controls, and of Python controls through {@code bridge}.
   *
   * @param bridge the Python interpreter, or null for Java controls only
   * @param workingDirectory where relative class paths are resolved and Python runs
   * @param environment the environment Python runs with
   */
  public ControlLoader(
      PythonBridge bridge, Path workingDirectory, Map<String, String> environment) {
    this(null, bridge, workingDirectory, environment);
  }

  /** A loader of exactly these Java control modules (tests, embedding); null for the installed. */
  public ControlLoader(
      List<ControlModule> modules,
      PythonBridge bridge,
      Path workingDirectory,
      Map<String, String> environment) {
    this.modules = modules == null ? null : index(modules);
    this.bridge = bridge;
    this.pythonContext =
        new ProviderContext(
            Map.of(),
            Map.of(),
            workingDirectory,
            environment == null ? System.getenv() : environment);
  }

  /** A loader of the installed Java controls only, in the current directory. */
  public static ControlLoader javaOnly() {
    return new ControlLoader(null, Path.of("."), System.getenv());
  }

  /**
   * A new instance of what implements the declaration.
   *
   * @return empty when nothing does: a Python module neither Java nor Python has, or a provider
   *     type that is not {@code python} nor {@code java}
   * @throws InvalidControl when a {@code java} control names a class that cannot be used
   */
  public Optional<Control> load(Map<String, Object> declaration) {
    if (!(declaration.get("provider") instanceof Map<?, ?> provider)) {
      return Optional.empty();
    }
    Object type = provider.get("type");
    if ("python".equals(type)) {
      return provider.get("module") instanceof String module && !module.isEmpty()
          ? python(module)
          : Optional.empty();
    }
    if ("java".equals(type)) {
      return Optional.of(javaClass(declaration, provider));
    }
    return Optional.empty();
  }

  /** Whether a Python control module is usable: Java implements it or Python can import it. */
  public boolean moduleAvailable(String module) {
    return javaModules().containsKey(module) || pythonCanImport(module);
  }

  /** Closes the class loaders of {@code classpath} entries. */
  @Override
  public synchronized void close() {
    for (URLClassLoader loader : classLoaders.values()) {
      try {
        loader.close();
      } catch (IOException e) {
        // nothing is left to release that a failed close could free
      }
    }
    classLoaders.clear();
  }

  private Optional<Control> python(String module) {
    ControlModule java = javaModules().get(module);
    if (java != null) {
      return Optional.of(java.create());
    }
    if (!pythonCanImport(module)) {
      return Optional.empty();
    }
    return Optional.of(new PythonControl(bridge, module, pythonContext));
  }

  private boolean pythonCanImport(String module) {
    if (bridge == null || module.isEmpty()) {
      return false;
    }
    try {
      Inspection.Status status = bridge.inspect(module, "__name__", pythonContext).status();
      return status != Inspection.Status.MISSING && status != Inspection.Status.BROKEN;
    } catch (PythonUnavailable e) {
      return false;
    }
  }

  private Control javaClass(Map<String, Object> declaration, Map<?, ?> provider) {
    Object name = declaration.get("name");
    Object className = provider.get("class");
    if (!(className instanceof String c) || c.isEmpty()) {
      throw new InvalidControl("Control '" + name + "' must have a Java class name");
    }
    Class<?> type;
    try {
      type = Class.forName(c, true, classLoader(provider.get("classpath"), name));
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InvalidControl(
          "could not find Java class '"
              + c
              + "' of control '"
              + name
              + "'"
              + classpathHint(provider),
          e);
    }
    if (!Control.class.isAssignableFrom(type)) {
      throw new InvalidControl(
          "Java class '" + c + "' of control '" + name + "' does not implement " + Control.class);
    }
    try {
      return (Control) type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new InvalidControl(
          "Java class '"
              + c
              + "' of control '"
              + name
              + "' must have a public constructor without arguments",
          e);
    } catch (InvocationTargetException e) {
      throw new InvalidControl(
          "Java class '" + c + "' of control '" + name + "' failed to start: " + e.getCause(), e);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InvalidControl(
          "Java class '" + c + "' of control '" + name + "' cannot be created: " + e, e);
    }
  }

  private static String classpathHint(Map<?, ?> provider) {
    return provider.get("classpath") == null
        ? ""
        : " (classpath: " + provider.get("classpath") + ")";
  }

  private synchronized ClassLoader classLoader(Object classpath, Object control) {
    ClassLoader parent = ControlLoader.class.getClassLoader();
    if (classpath == null) {
      return parent;
    }
    List<Path> entries = new ArrayList<>();
    for (Object entry : classpath instanceof List<?> list ? list : List.of(classpath)) {
      Path path = resolve(Py.str(entry));
      if (!Files.exists(path)) {
        throw new InvalidControl(
            "classpath entry '"
                + Py.str(entry)
                + "' of control '"
                + control
                + "' does not exist (looked for "
                + path
                + ")");
      }
      entries.add(path);
    }
    return classLoaders.computeIfAbsent(entries, ControlLoader::newClassLoader);
  }

  private Path resolve(String entry) {
    Path path = Path.of(entry);
    Path base = pythonContext.workingDirectory();
    return path.isAbsolute() || base == null ? path : base.resolve(path).normalize();
  }

  private static URLClassLoader newClassLoader(List<Path> entries) {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new InvalidControl("classpath entry '" + entries.get(i) + "' is not usable", e);
      }
    }
    return new URLClassLoader("chaos4j-controls", urls, ControlLoader.class.getClassLoader());
  }

  private Map<String, ControlModule> javaModules() {
    if (modules != null) {
      return modules;
    }
    Map<String, ControlModule> found = installed;
    if (found == null) {
      synchronized (ControlLoader.class) {
        found = installed;
        if (found == null) {
          found = discover();
          installed = found;
        }
      }
    }
    return found;
  }

  private static Map<String, ControlModule> discover() {
    List<ControlModule> found = new ArrayList<>();
    try {
      for (ControlModule module :
          ServiceLoader.load(ControlModule.class, ControlLoader.class.getClassLoader())) {
        found.add(module);
      }
    } catch (ServiceConfigurationError e) {
      throw new ChaosException(
          "an installed chaos4j control cannot be loaded: " + e.getMessage(), e);
    }
    return index(found);
  }

  private static Map<String, ControlModule> index(List<ControlModule> modules) {
    Map<String, ControlModule> byName = new HashMap<>();
    for (ControlModule module : modules) {
      byName.putIfAbsent(module.module(), module);
    }
    return Map.copyOf(byName);
  }
}
