package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.value.Py;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the bound arguments of a function with their expected types; a value of the wrong type is a
 * failed activity whose message names the argument, what it must be and what it got.
 */
final class Arguments {
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");

  private final Map<String, Object> values;

  Arguments(Map<String, Object> values) {
    this.values = values;
  }

  /** A string, or null when not given. */
  String string(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    throw invalid(name, "a string", value);
  }

  /** A string that must be given and not blank. */
  String requiredString(String name) {
    String value = string(name);
    if (value == null || value.isBlank()) {
      throw new ActivityFailed("argument '" + name + "' is required and must not be empty");
    }
    return value;
  }

  /**
   * A whole number (a string of digits is accepted, as values read from the environment are
   * strings), or null when not given.
   *
   * @param what how the message describes it, e.g. {@code "a whole number of milliseconds"}
   */
  Long whole(String name, String what) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 63) {
      return b.longValue();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    if (value instanceof String s && WHOLE.matcher(s.trim()).matches()) {
      return Long.parseLong(s.trim());
    }
    throw invalid(name, what, value);
  }

  /** A number (or a string holding one), or null when not given. */
  Double number(String name, String what) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.valueOf(s.trim());
      } catch (NumberFormatException e) {
        throw invalid(name, what, value);
      }
    }
    throw invalid(name, what, value);
  }

  /** A list of strings; a single string is a list of one. Null when not given. */
  List<String> strings(String name, String what) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw invalid(name, what, value);
        }
        out.add(s);
      }
      return out;
    }
    throw invalid(name, what, value);
  }

  /** A mapping of strings to strings, or null when not given. */
  Map<String, String> stringMap(String name, String what) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(name, what, value);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw invalid(name, what, value);
      }
      out.put(String.valueOf(e.getKey()), s);
    }
    return out;
  }

  /** The value as given (any JSON value), or null. */
  Object raw(String name) {
    return values.get(name);
  }

  static ActivityFailed invalid(String name, String what, Object value) {
    return new ActivityFailed(
        "argument '" + name + "' must be " + what + ", got " + Py.repr(value));
  }
}
