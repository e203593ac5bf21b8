package dev.chaos4j.toxiproxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment variables the functions set, e.g. {@code <proxy_name>_PORT}, seen by later {@code
 * env:NAME} lookups of this JVM. The reference sets them in its process environment; a JVM cannot
 * change its own, so they are kept here and looked up before the real environment.
 */
final class ExportedEnvironment {
  private static final Map<String, String> EXPORTED = new ConcurrentHashMap<>();

  private ExportedEnvironment() {}

  static void put(String name, String value) {
    EXPORTED.put(name, value);
  }

  /** The variable's value: exported by a function, else from the environment; null if unset. */
  static String get(String name) {
    String value = EXPORTED.get(name);
    return value != null ? value : System.getenv(name);
  }
}
