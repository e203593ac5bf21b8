package dev.chaos4j.core.run;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outputs of the activities of one run, by activity name, and the substitution of {@code
 * ${outputs.NAME.path.to.value}} placeholders with them (an opt-in extension: the reference's
 * {@code string.Template} never matches a name containing a dot, so it leaves such strings as
 * written).
 *
 * <p>A string that is exactly one placeholder becomes the value itself, keeping its type; a
 * placeholder embedded in a longer string is replaced by the value's Python {@code str()}. Path
 * segments are keys of mappings or indexes of lists ({@code .0}). The last run of a name wins.
 */
final class ActivityOutputs {
  private static final String PREFIX = "${outputs.";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{outputs\\.([^}]+)}");

  /** Why a name has no output, for the activity that asks for it. */
  private static final Object FAILED = new Object();

  /** ConcurrentHashMap holds no null: a null output is boxed. */
  private static final Object NULL = new Object();

  private final Map<String, Object> byName = new ConcurrentHashMap<>();

  /** Records what an activity left: its output when it succeeded, a marker when it failed. */
  void record(String name, Map<String, Object> record) {
    if (name == null) {
      return;
    }
    Object output = record.get("output");
    byName.put(name, "succeeded".equals(record.get("status")) ? box(output) : FAILED);
  }

  /**
   * The provider block with every output placeholder replaced; each placeholder resolved goes into
   * {@code resolved} (as written to its value), for the journal.
   *
   * @throws ActivityFailed naming the output a placeholder asks for when it cannot be resolved
   */
  Object substitute(Object data, Map<String, Object> resolved) {
    if (data instanceof String s) {
      return s.contains(PREFIX) ? string(s, resolved) : s;
    }
    if (data instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), substitute(e.getValue(), resolved));
      }
      return out;
    }
    if (data instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(substitute(o, resolved));
      }
      return out;
    }
    return data;
  }

  /** Whether a value holds at least one output placeholder (checked before copying anything). */
  static boolean mentions(Object data) {
    if (data instanceof String s) {
      return s.contains(PREFIX);
    }
    if (data instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(ActivityOutputs::mentions);
    }
    if (data instanceof List<?> l) {
      return l.stream().anyMatch(ActivityOutputs::mentions);
    }
    return false;
  }

  private Object string(String value, Map<String, Object> resolved) {
    Matcher m = PLACEHOLDER.matcher(value);
    if (m.matches()) {
      Object v = resolve(m.group(1));
      resolved.put(value, v);
      return v;
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    int last = 0;
    while (m.find()) {
      Object v = resolve(m.group(1));
      resolved.put(m.group(), v);
      out.append(value, last, m.start()).append(Py.str(v));
      last = m.end();
    }
    return out.append(value, last, value.length()).toString();
  }

  /** The value at {@code NAME.path}; the longest recorded name that prefixes it is the name. */
  private Object resolve(String reference) {
    String name = null;
    for (String candidate : byName.keySet()) {
      if ((reference.equals(candidate) || reference.startsWith(candidate + "."))
          && (name == null || candidate.length() > name.length())) {
        name = candidate;
      }
    }
    if (name == null) {
      throw new ActivityFailed(
          "no output named '"
              + firstSegment(reference)
              + "' for ${outputs."
              + reference
              + "}: no activity of that name has completed before this one");
    }
    Object value = byName.get(name);
    if (value == FAILED) {
      throw new ActivityFailed(
          "no output named '"
              + name
              + "' for ${outputs."
              + reference
              + "}: the activity '"
              + name
              + "' failed");
    }
    value = unbox(value);
    if (reference.length() == name.length()) {
      return value;
    }
    String walked = name;
    for (String segment : reference.substring(name.length() + 1).split("\\.", -1)) {
      value = step(value, segment, walked, reference);
      walked = walked + "." + segment;
    }
    return value;
  }

  private static Object step(Object value, String segment, String walked, String reference) {
    if (value instanceof Map<?, ?> m && m.containsKey(segment)) {
      return m.get(segment);
    }
    if (value instanceof List<?> l && segment.matches("\\d{1,9}")) {
      int index = Integer.parseInt(segment);
      if (index < l.size()) {
        return l.get(index);
      }
    }
    String why =
        value instanceof Map<?, ?>
            ? "it has no key '" + segment + "'"
            : value instanceof List<?> l
                ? "it has no index '" + segment + "' (" + l.size() + " items)"
                : "it is " + Py.typeName(value) + " " + Py.repr(value) + ", not a dict or a list";
    throw new ActivityFailed(
        "cannot resolve ${outputs." + reference + "}: at 'outputs." + walked + "', " + why);
  }

  private static String firstSegment(String reference) {
    int dot = reference.indexOf('.');
    return dot < 0 ? reference : reference.substring(0, dot);
  }

  private static Object box(Object value) {
    return value == null ? NULL : value;
  }

  private static Object unbox(Object value) {
    return value == NULL ? null : value;
  }
}
