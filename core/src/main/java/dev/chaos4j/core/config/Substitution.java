package dev.chaos4j.core.config;

import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} and {@code $name} in experiment values with configuration and secret
 * values, with the reference's rules (Python's {@code string.Template.safe_substitute}).
 *
 * <ul>
 *   <li>Names match {@code [_A-Za-z][_A-Za-z0-9]*}; {@code $$} is a literal {@code $}.
 *   <li>Lookup: configuration first, then each secret scope in declaration order.
 *   <li>A string that is exactly one {@code ${name}} becomes the value itself, keeping its type.
 *   <li>Embedded values are formatted as Python's {@code str()} would; unknown names stay as
 *       written.
 * </ul>
 */
public final class Substitution {
  /**
   * {@code ${identifier}} as the whole string: the value replaces the string, keeping its type.
   * Only Template's identifiers qualify, so a key such as {@code 1abc} or {@code été} is never
   * looked up, as in the reference.
   */
  private static final Pattern WHOLE = Pattern.compile("\\$\\{([_a-zA-Z][_a-zA-Z0-9]*)}");

  /** Python's Template pattern: escaped, named, braced or invalid placeholder. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$(?:(\\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\\{([_a-zA-Z][_a-zA-Z0-9]*)}|())");

  private final Map<String, Object> configuration;
  private final Map<String, Object> secrets;

  /**
   * @param configuration the loaded configuration (may be null)
   * @param secrets the loaded secrets, scope name to a map of secret values (may be null)
   */
  public Substitution(Map<String, Object> configuration, Map<String, Object> secrets) {
    this.configuration = configuration == null ? Map.of() : configuration;
    this.secrets = secrets == null ? Map.of() : secrets;
  }

  /** Substitutes a value of any shape: strings, and recursively the values of maps and lists. */
  public static Object apply(
      Object data, Map<String, Object> configuration, Map<String, Object> secrets) {
    return new Substitution(configuration, secrets).apply(data);
  }

  /** Substitutes a value of any shape; map keys are not substituted. */
  public Object apply(Object data) {
    if (data instanceof String s) {
      return string(s);
    }
    if (data instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return data;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), apply(e.getValue()));
      }
      return out;
    }
    if (data instanceof List<?> l) {
      if (l.isEmpty()) {
        return data;
      }
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(apply(o));
      }
      return out;
    }
    return data;
  }

  /** Substitutes one string; the result keeps the value's type when the string is one ${name}. */
  public Object string(String value) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    Matcher whole = WHOLE.matcher(value);
    if (whole.matches()) {
      Lookup found = lookup(whole.group(1));
      if (found != null) {
        return found.value;
      }
    }
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder(value.length() + 16);
    int last = 0;
    while (m.find()) {
      out.append(value, last, m.start());
      last = m.end();
      if (m.group(1) != null) {
        out.append('$');
        continue;
      }
      String name = m.group(2) != null ? m.group(2) : m.group(3);
      Lookup found = name == null ? null : lookup(name);
      if (found == null) {
        out.append(value, m.start(), m.end());
      } else {
        out.append(Py.str(found.value));
      }
    }
    out.append(value, last, value.length());
    return out.toString();
  }

  private Lookup lookup(String name) {
    if (configuration.containsKey(name)) {
      return new Lookup(configuration.get(name));
    }
    for (Object scope : secrets.values()) {
      if (scope instanceof Map<?, ?> values && values.containsKey(name)) {
        return new Lookup(values.get(name));
      }
    }
    return null;
  }

  /** A found value, which may itself be null. */
  private record Lookup(Object value) {}
}
