package dev.chaos4j.core.notification;

import dev.chaos4j.core.provider.http.HttpClients;
import dev.chaos4j.core.value.Py;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the channels of the settings' {@code notifications} list. A malformed channel is a mistake
 * of the user's: it is reported in one line naming it, and left out, so notifications never stop a
 * command.
 */
final class Channels {
  private Channels() {}

  /** The usable channels, in order; a problem with one is reported through {@code problems}. */
  static List<Channel> read(
      List<Map<String, Object>> declarations, HttpClients clients, List<String> problems) {
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < declarations.size(); i++) {
      String name = "notifications[" + i + "]";
      try {
        channels.add(channel(name, declarations.get(i), clients));
      } catch (Malformed e) {
        problems.add("Notification channel " + name + " is ignored: " + e.getMessage());
      }
    }
    return channels;
  }

  private static Channel channel(String name, Map<String, Object> declaration, HttpClients clients)
      throws Malformed {
    Object type = declaration.get("type");
    Set<String> events = events(declaration.get("events"));
    if ("http".equals(type)) {
      return new HttpChannel(
          name,
          url(declaration.get("url")),
          headers(declaration.get("headers")),
          flag(declaration, "verify_tls"),
          flag(declaration, "forward_event_payload"),
          events,
          clients);
    }
    if ("plugin".equals(type)) {
      String className = text(declaration.get("module"), "'module' (a Java class name)");
      return new PluginChannel(name, className, notifier(className), declaration, events);
    }
    throw new Malformed(
        "'type' must be 'http' or 'plugin', not " + (type == null ? "missing" : Py.repr(type)));
  }

  private static Set<String> events(Object value) throws Malformed {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Collection<?> list)) {
      throw new Malformed("'events' must be a list of event names, not a " + Py.typeName(value));
    }
    Set<String> events = new LinkedHashSet<>();
    for (Object e : list) {
      events.add(Py.str(e));
    }
    return events;
  }

  private static URI url(Object value) throws Malformed {
    String url = text(value, "'url'");
    try {
      URI uri = new URI(url);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new Malformed("'url' must be an http(s) URL, not '" + url + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new Malformed("'url' is not a valid URL: " + e.getMessage());
    }
  }

  private static Map<String, String> headers(Object value) throws Malformed {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new Malformed("'headers' must be a mapping, not a " + Py.typeName(value));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    map.forEach((k, v) -> headers.put(Py.str(k), Py.str(v)));
    return headers;
  }

  /** A flag that defaults to true, read with Python's truthiness like the reference. */
  private static boolean flag(Map<String, Object> declaration, String key) {
    return !declaration.containsKey(key) || Py.truthy(declaration.get(key));
  }

  private static String text(Object value, String what) throws Malformed {
    if (!(value instanceof String s) || s.isBlank()) {
      throw new Malformed(what + " is required");
    }
    return s;
  }

  private static Notifier notifier(String className) throws Malformed {
    Class<?> type;
    try {
      type = Class.forName(className, true, Channels.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new Malformed(
          "could not find Java class '"
              + className
              + "' (a plugin channel names a class implementing "
              + Notifier.class.getName()
              + ")");
    }
    if (!Notifier.class.isAssignableFrom(type)) {
      throw new Malformed(
          "Java class '" + className + "' does not implement " + Notifier.class.getName());
    }
    try {
      return (Notifier) type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new Malformed(
          "Java class '" + className + "' needs a public constructor without arguments");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new Malformed("Java class '" + className + "' could not be created: " + cause);
    }
  }

  /** What is wrong with one channel. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }
}
