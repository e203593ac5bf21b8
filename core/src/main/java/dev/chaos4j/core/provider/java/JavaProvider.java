package dev.chaos4j.core.provider.java;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.extension.Invocations;
import dev.chaos4j.core.provider.Provider;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.value.Py;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code java} provider: runs users' own Java code.
 *
 * <pre>{@code
 * {"type": "java", "class": "com.acme.Checks", "method": "isUp",
 *  "arguments": {"url": "http://localhost:8080"}, "classpath": ["lib/checks.jar", "build/classes"],
 *  "secrets": ["acme"]}
 * }</pre>
 *
 * <p>{@code method} names a public static method; its parameters are bound by name (the class must
 * be compiled with {@code javac -parameters}), or its single {@code Map<String, Object>} parameter
 * receives all the arguments. Without {@code method}, the class must implement {@link
 * ActivityFunction} and have a public no-argument constructor. Parameters named {@code
 * configuration} and {@code secrets} receive them, as in the {@code python} provider. {@code
 * classpath} entries (jars or directories) are relative to the working directory; without them the
 * class is looked up in chaos4j's own class path. Classes are loaded once per class path and kept
 * for the provider's life, so static state survives between activities.
 */
public final class JavaProvider implements Provider, AutoCloseable {
  private final ClassLoader parent;
  private final Map<List<Path>, URLClassLoader> loaders = new ConcurrentHashMap<>();
  private final Map<TargetKey, JavaTarget> targets = new ConcurrentHashMap<>();

  /** A provider whose classes see chaos4j's own classes. */
  public JavaProvider() {
    this(JavaProvider.class.getClassLoader());
  }

  /** A provider loading classes through this class loader, or child loaders of it. */
  public JavaProvider(ClassLoader parent) {
    this.parent = parent;
  }

  @Override
  public String type() {
    return "java";
  }

  @Override
  public void validate(Map<String, Object> activity, ProviderContext context) {
    Map<String, Object> provider = Invocations.provider(activity);
    String name = Py.str(activity.get("name"));
    JavaTarget target = resolve(activity, provider, context);
    target.validate(Invocations.arguments(provider, name), name);
  }

  @Override
  public Object run(Map<String, Object> activity, ProviderContext context) {
    Map<String, Object> provider = Invocations.provider(activity);
    String name = Py.str(activity.get("name"));
    JavaTarget target;
    Map<String, Object> arguments;
    try {
      target = resolve(activity, provider, context);
      arguments = Invocations.arguments(provider, name);
    } catch (InvalidActivity e) {
      throw new ActivityFailed(e.getMessage(), e);
    }
    Map<String, Object> configuration =
        context.configuration() == null ? Map.of() : context.configuration();
    return target.call(
        Invocations.substituted(arguments, context),
        configuration,
        Invocations.secrets(provider, context),
        name);
  }

  /** Closes the class loaders of the activities' class paths. */
  @Override
  public void close() {
    targets.clear();
    for (URLClassLoader loader : loaders.values()) {
      try {
        loader.close();
      } catch (IOException e) {
        // the jars are only read: nothing is lost if one cannot be closed
      }
    }
    loaders.clear();
  }

  private JavaTarget resolve(
      Map<String, Object> activity, Map<String, Object> provider, ProviderContext context) {
    String name = Py.str(activity.get("name"));
    Object className = provider.get("class");
    if (!(className instanceof String) || ((String) className).isBlank()) {
      throw new InvalidActivity("a Java activity must have a class name");
    }
    Object method = provider.get("method");
    if (method != null && !(method instanceof String)) {
      throw new InvalidActivity(
          "the method of Java activity '" + name + "' must be a name, not " + Py.repr(method));
    }
    String methodName = method == null || ((String) method).isBlank() ? null : (String) method;
    List<String> written = classpath(provider.get("classpath"), name);
    List<Path> resolved = resolvePaths(written, context, name);
    TargetKey key = new TargetKey(resolved, (String) className, methodName);
    JavaTarget known = targets.get(key);
    if (known != null) {
      return known;
    }
    Class<?> type = load((String) className, loader(resolved, name), written, name);
    JavaTarget target =
        methodName == null
            ? function(type, name)
            : staticMethod(type, methodName, Py.str(activity.get("type")), name);
    targets.put(key, target);
    return target;
  }

  private static List<String> classpath(Object classpath, String activityName) {
    if (classpath == null) {
      return List.of();
    }
    if (classpath instanceof String entry) {
      return List.of(entry);
    }
    if (classpath instanceof List<?> entries
        && entries.stream().allMatch(e -> e instanceof String)) {
      List<String> out = new ArrayList<>();
      entries.forEach(e -> out.add((String) e));
      return out;
    }
    throw new InvalidActivity(
        "the classpath of Java activity '"
            + activityName
            + "' must be a list of jar files and directories, not "
            + Py.repr(classpath));
  }

  private static List<Path> resolvePaths(
      List<String> entries, ProviderContext context, String activityName) {
    Path base = context.workingDirectory() == null ? Path.of("") : context.workingDirectory();
    List<Path> out = new ArrayList<>(entries.size());
    for (String entry : entries) {
      Path path = base.resolve(entry).toAbsolutePath().normalize();
      if (!Files.exists(path)) {
        throw new InvalidActivity(
            "classpath entry '"
                + entry
                + "' of Java activity '"
                + activityName
                + "' does not exist (looked for "
                + path
                + ")");
      }
      out.add(path);
    }
    return List.copyOf(out);
  }

  private ClassLoader loader(List<Path> classpath, String activityName) {
    if (classpath.isEmpty()) {
      return parent;
    }
    return loaders.computeIfAbsent(
        classpath,
        paths -> {
          URL[] urls = new URL[paths.size()];
          for (int i = 0; i < urls.length; i++) {
            try {
              urls[i] = paths.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
              throw new InvalidActivity(
                  "classpath entry '"
                      + paths.get(i)
                      + "' of Java activity '"
                      + activityName
                      + "' is not a usable path: "
                      + e.getMessage());
            }
          }
          return new URLClassLoader("chaos4j-java-activities", urls, parent);
        });
  }

  private static Class<?> load(
      String className, ClassLoader loader, List<String> classpath, String activityName) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new InvalidActivity(
          "could not find Java class '"
              + className
              + "' in activity '"
              + activityName
              + "' "
              + (classpath.isEmpty()
                  ? "(it has no classpath, so only chaos4j's own class path was searched)"
                  : "(classpath: " + String.join(", ", classpath) + ")"));
    } catch (LinkageError e) {
      throw new InvalidActivity(
          "could not load Java class '"
              + className
              + "' in activity '"
              + activityName
              + "': "
              + Invocations.describe(e));
    }
  }

  private static JavaTarget staticMethod(
      Class<?> type, String methodName, String activityType, String activityName) {
    List<Method> candidates = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getName().equals(methodName) && Modifier.isStatic(m.getModifiers())) {
        candidates.add(m);
      }
    }
    if (candidates.size() != 1) {
      throw new InvalidActivity(
          "The Java class '"
              + type.getName()
              + (candidates.isEmpty()
                  ? "' does not expose a public static method called '" + methodName + "'"
                  : "' has "
                      + candidates.size()
                      + " public static methods called '"
                      + methodName
                      + "' and chaos4j cannot choose")
              + " in "
              + activityType
              + " '"
              + activityName
              + "'");
    }
    return new JavaTarget.StaticMethod(candidates.get(0), activityName);
  }

  private static JavaTarget function(Class<?> type, String activityName) {
    if (!ActivityFunction.class.isAssignableFrom(type)) {
      throw new InvalidActivity(
          "a Java activity must have a method name, unless its class implements "
              + ActivityFunction.class.getName()
              + ", which '"
              + type.getName()
              + "' of activity '"
              + activityName
              + "' does not");
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      constructor.trySetAccessible();
      return new JavaTarget.Function((ActivityFunction) constructor.newInstance());
    } catch (NoSuchMethodException e) {
      throw new InvalidActivity(
          "Java class '"
              + type.getName()
              + "' of activity '"
              + activityName
              + "' needs a public constructor without parameters");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidActivity(
          "could not create Java class '"
              + type.getName()
              + "' of activity '"
              + activityName
              + "': "
              + Invocations.describe(cause));
    }
  }

  /** One resolution: class path, class and method (null for an ActivityFunction). */
  private record TargetKey(List<Path> classpath, String className, String method) {}
}
