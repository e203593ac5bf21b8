package dev.chaos4j.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Extensions installed the way a jar installs them, for tests: directories laid out like jars whose
 * {@code META-INF/services/dev.chaos4j.core.spi.Extension} holds the lines a test chooses, a class
 * loader over them, and code run with that loader as the context class loader, where chaos4j looks
 * for extensions.
 */
public final class ExtensionJars {
  private ExtensionJars() {}

  /** A directory {@code parent/name} laid out like a jar whose services file holds these lines. */
  public static Path jar(Path parent, String name, String... servicesLines) throws IOException {
    Path services = Files.createDirectories(parent.resolve(name).resolve("META-INF/services"));
    Files.write(services.resolve("dev.chaos4j.core.spi.Extension"), List.of(servicesLines));
    return parent.resolve(name);
  }

  /**
   * A class loader over these jars whose parent is the test class path's loader, so the classes
   * they register may be test classes.
   */
  public static URLClassLoader classLoader(Path... jars) {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      try {
        urls[i] = jars[i].toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new URLClassLoader(urls, ExtensionJars.class.getClassLoader());
  }

  /** A class loader over one jar in {@code parent} registering these extension classes. */
  public static URLClassLoader registering(Path parent, String... classNames) throws IOException {
    return classLoader(jar(parent, "extension", classNames));
  }

  /** Runs the body with this context class loader, then puts the previous one back. */
  public static <T> T withContextClassLoader(ClassLoader loader, Callable<T> body)
      throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return body.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
