package dev.chaos4j.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and edits settings entries named by a dotted key, with the reference's syntax: {@code
 * auths}, {@code auths.example\.com:8443.type} (a dot inside a name is escaped with a backslash),
 * {@code notifications[0].url} (a list element by its index, one index per name).
 *
 * <p>Only existing entries are found: {@link #set} replaces a value, it never creates a key.
 */
public final class SettingsKeys {
  private static final Pattern UNESCAPED_DOT = Pattern.compile("(?<!\\\\)\\.");
  private static final Pattern TRAILING_INDEX = Pattern.compile("\\[([0-9]+)]$");

  private SettingsKeys() {}

  /**
   * The value at a key (null when the entry exists with no value).
   *
   * @throws MissingSettingsEntry when no entry has that key
   */
  public static Object get(Map<String, Object> settings, String key) {
    return locate(settings, key).value();
  }

  /** Whether an entry has that key. */
  public static boolean contains(Map<String, Object> settings, String key) {
    try {
      locate(settings, key);
      return true;
    } catch (MissingSettingsEntry e) {
      return false;
    }
  }

  /**
   * Replaces the value of an existing entry.
   *
   * @throws MissingSettingsEntry when no entry has that key
   */
  public static void set(Map<String, Object> settings, String key, Object value) {
    locate(settings, key).replace(value);
  }

  /**
   * Removes an entry (a mapping key, or a list element by its index) with everything under it.
   *
   * @return the removed value
   * @throws MissingSettingsEntry when no entry has that key
   */
  public static Object remove(Map<String, Object> settings, String key) {
    Location location = locate(settings, key);
    location.remove();
    return location.value();
  }

  /** The names of a key, unescaped: {@code a.b\.c[2]} gives {@code a} and {@code b.c[2]}. */
  static List<String> names(String key) {
    List<String> names = new ArrayList<>();
    for (String name : UNESCAPED_DOT.split(key, -1)) {
      names.add(name.replace("\\", ""));
    }
    return names;
  }

  private static Location locate(Map<String, Object> settings, String key) {
    Object current = settings;
    Location location = null;
    for (String name : names(key)) {
      Matcher index = TRAILING_INDEX.matcher(name);
      if (index.find()) {
        Object list = child(current, name.substring(0, index.start()), key);
        location = element(list, index.group(1), key);
      } else {
        location = new Location(asMap(current, key), name, -1, child(current, name, key));
      }
      current = location.value();
    }
    return location;
  }

  private static Object child(Object container, String name, String key) {
    Map<String, Object> map = asMap(container, key);
    if (!map.containsKey(name)) {
      throw new MissingSettingsEntry(key);
    }
    return map.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Location element(Object container, String digits, String key) {
    if (!(container instanceof List<?>)) {
      throw new MissingSettingsEntry(key);
    }
    List<Object> list = (List<Object>) container;
    int index;
    try {
      index = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new MissingSettingsEntry(key);
    }
    if (index >= list.size()) {
      throw new MissingSettingsEntry(key);
    }
    return new Location(list, null, index, list.get(index));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object container, String key) {
    if (container instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new MissingSettingsEntry(key);
  }

  /** Where an entry sits: a key of a mapping, or an index of a list. */
  private record Location(Object container, String name, int index, Object value) {
    @SuppressWarnings("unchecked")
    void replace(Object newValue) {
      if (container instanceof Map<?, ?> map) {
        ((Map<String, Object>) map).put(name, newValue);
      } else {
        ((List<Object>) container).set(index, newValue);
      }
    }

    void remove() {
      if (container instanceof Map<?, ?> map) {
        map.remove(name);
      } else {
        ((List<?>) container).remove(index);
      }
    }
  }
}
