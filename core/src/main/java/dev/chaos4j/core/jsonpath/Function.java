package dev.chaos4j.core.jsonpath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The functions jsonpath2 offers as subscripts ({@code $.name.length()}). A call with arguments of
 * the wrong number or type, or on a value of the wrong type, selects nothing. Strings are measured
 * and indexed in code points, as Python does.
 */
enum Function {
  CHAR_AT("charAt") {
    @Override
    void apply(Object current, List<Object> args, Consumer<Object> out) {
      Long index = args.size() == 1 ? Selector.pythonInt(args.get(0)) : null;
      if (current instanceof String s && index != null) {
        int n = s.codePointCount(0, s.length());
        long i = index < 0 ? index + n : index;
        if (i >= 0 && i < n) {
          int offset = s.offsetByCodePoints(0, (int) i);
          out.accept(new String(Character.toChars(s.codePointAt(offset))));
        }
      }
    }
  },
  ENTRIES("entries") {
    @Override
    void apply(Object current, List<Object> args, Consumer<Object> out) {
      if (!args.isEmpty()) {
        return;
      }
      if (current instanceof Map<?, ?> map) {
        List<Object> entries = new ArrayList<>(map.size());
        map.forEach((k, v) -> entries.add(Arrays.asList(k, v)));
        out.accept(entries);
      } else if (current instanceof List<?> list) {
        List<Object> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          entries.add(Arrays.asList(i, list.get(i)));
        }
        out.accept(entries);
      }
    }
  },
  KEYS("keys") {
    @Override
    void apply(Object current, List<Object> args, Consumer<Object> out) {
      if (!args.isEmpty()) {
        return;
      }
      if (current instanceof Map<?, ?> map) {
        out.accept(new ArrayList<Object>(map.keySet()));
      } else if (current instanceof List<?> list) {
        List<Object> keys = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          keys.add(i);
        }
        out.accept(keys);
      }
    }
  },
  LENGTH("length") {
    @Override
    void apply(Object current, List<Object> args, Consumer<Object> out) {
      if (!args.isEmpty()) {
        return;
      }
      if (current instanceof List<?> list) {
        out.accept(list.size());
      } else if (current instanceof String s) {
        out.accept(s.codePointCount(0, s.length()));
      }
    }
  },
  SUBSTRING("substring") {
    @Override
    void apply(Object current, List<Object> args, Consumer<Object> out) {
      if (!(current instanceof String s) || args.isEmpty() || args.size() > 2) {
        return;
      }
      Long from = Selector.pythonInt(args.get(0));
      Long to = args.size() == 2 ? Selector.pythonInt(args.get(1)) : null;
      if (from == null || (args.size() == 2 && to == null)) {
        return;
      }
      int n = s.codePointCount(0, s.length());
      int begin = sliceBound(from, n);
      int end = to == null ? n : sliceBound(to, n);
      if (begin >= end) {
        out.accept("");
      } else {
        out.accept(s.substring(s.offsetByCodePoints(0, begin), s.offsetByCodePoints(0, end)));
      }
    }
  },
  VALUES("values") {
    @Override
    void apply(Object current, List<Object> args, Consumer<Object> out) {
      if (!args.isEmpty()) {
        return;
      }
      if (current instanceof Map<?, ?> map) {
        out.accept(new ArrayList<Object>(map.values()));
      } else if (current instanceof List<?> list) {
        out.accept(list);
      }
    }
  };

  private final String pathName;

  Function(String pathName) {
    this.pathName = pathName;
  }

  /** Sends the result of calling this function on {@code current}, if any, to {@code out}. */
  abstract void apply(Object current, List<Object> args, Consumer<Object> out);

  /** The function called {@code name} in a path, or null. */
  static Function named(String name) {
    for (Function f : values()) {
      if (f.pathName.equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** The names a path may call, for error messages. */
  static String names() {
    return Arrays.stream(values()).map(f -> f.pathName + "()").collect(Collectors.joining(", "));
  }

  /** Python's slice bound: negative counts from the end, then clamped to [0, n]. */
  private static int sliceBound(long bound, int n) {
    long b = bound < 0 ? bound + n : bound;
    return (int) Math.max(0, Math.min(n, b));
  }
}
