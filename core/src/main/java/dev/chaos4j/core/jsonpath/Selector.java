package dev.chaos4j.core.jsonpath;

import dev.chaos4j.core.value.Py;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One subscript of a path: selects zero or more values from the current value. */
interface Selector {
  void select(Object root, Object current, Consumer<Object> out);

  /**
   * Index values are clamped to this magnitude: far beyond any list size, yet small enough for
   * slice arithmetic never to overflow a long.
   */
  long CLAMP = 1L << 60;

  /** {@code .name} or {@code ["name"]}: the value of that key of a mapping. */
  record Key(String name) implements Selector {
    @Override
    public void select(Object root, Object current, Consumer<Object> out) {
      if (current instanceof Map<?, ?> map && map.containsKey(name)) {
        out.accept(map.get(name));
      }
    }
  }

  /** {@code [n]}: an element of a list; negative indexes count from the end. */
  record Index(long index) implements Selector {
    @Override
    public void select(Object root, Object current, Consumer<Object> out) {
      if (current instanceof List<?> list) {
        element(list, index, out);
      }
    }
  }

  /** {@code *} or {@code [*]}: every value of a mapping (key order) or element of a list. */
  record Wildcard() implements Selector {
    @Override
    public void select(Object root, Object current, Consumer<Object> out) {
      if (current instanceof Map<?, ?> map) {
        map.values().forEach(out);
      } else if (current instanceof List<?> list) {
        list.forEach(out);
      }
    }
  }

  /**
   * {@code [start:end:step]} with jsonpath2's arithmetic: the bounds are adjusted once for negative
   * values, then each index of the range is looked up like {@code [n]} (so a range that runs below
   * zero wraps around to the end of the list, as in jsonpath2).
   */
  record Slice(Long start, Long end, Long step, String path, int position) implements Selector {
    @Override
    public void select(Object root, Object current, Consumer<Object> out) {
      if (!(current instanceof List<?> list)) {
        return;
      }
      long n = list.size();
      long by = step == null ? 1 : step;
      if (by == 0) {
        throw new JsonPathException(path, "slice step cannot be zero", position);
      }
      long from = 0;
      if (start != null) {
        from = start < 0 ? start + (Math.abs(start) < n ? n : Math.abs(start)) : start;
      }
      long to = end == null ? n : (end < 0 ? end + n : end);
      if (by > 0) {
        long i = from;
        if (i < -n) {
          i += ceilDiv(-n - i, by) * by;
        }
        for (long limit = Math.min(to, n); i < limit; i += by) {
          element(list, i, out);
        }
      } else {
        long i = from;
        if (i >= n) {
          i -= ceilDiv(i - (n - 1), -by) * -by;
        }
        for (long limit = Math.max(to, -n - 1); i > limit; i += by) {
          element(list, i, out);
        }
      }
    }

    private static long ceilDiv(long a, long b) {
      return -Math.floorDiv(-a, b);
    }
  }

  /** {@code [?(expression)]}: the current value itself when the expression holds for it. */
  record FilterSelector(Filter filter) implements Selector {
    @Override
    public void select(Object root, Object current, Consumer<Object> out) {
      if (filter.test(root, current)) {
        out.accept(current);
      }
    }
  }

  /**
   * {@code [$.path]} or {@code [@.path]}: each value the path yields is used as an index (an
   * integer, booleans included as in Python) or a key (a string); other values select nothing.
   */
  record Dynamic(Path path) implements Selector {
    @Override
    public void select(Object root, Object current, Consumer<Object> out) {
      for (Object key : path.values(root, current)) {
        Long index = pythonInt(key);
        if (index != null) {
          if (current instanceof List<?> list) {
            element(list, index, out);
          }
        } else if (key instanceof String name) {
          new Key(name).select(root, current, out);
        }
      }
    }
  }

  /** {@code name(args)} or {@code [name(args)]}: one of jsonpath2's functions. */
  record Call(Function function, List<Operand> arguments) implements Selector {
    @Override
    public void select(Object root, Object current, Consumer<Object> out) {
      List<List<Object>> choices = new ArrayList<>(arguments.size());
      for (Operand argument : arguments) {
        choices.add(argument.values(root, current));
      }
      combine(choices, 0, new Object[arguments.size()], current, out);
    }

    /** Calls the function once per combination of argument values (a cartesian product). */
    private void combine(
        List<List<Object>> choices, int at, Object[] picked, Object current, Consumer<Object> out) {
      if (at == choices.size()) {
        function.apply(current, List.of(picked.clone()), out);
        return;
      }
      for (Object value : choices.get(at)) {
        picked[at] = value;
        combine(choices, at + 1, picked, current, out);
      }
    }
  }

  /** Python's {@code list[i]} for i in range, nothing otherwise. */
  static void element(List<?> list, long index, Consumer<Object> out) {
    long n = list.size();
    long i = index < 0 ? index + n : index;
    if (i >= 0 && i < n) {
      out.accept(list.get((int) i));
    }
  }

  /**
   * The value of a Python {@code int} (booleans are 0 and 1), clamped to {@link #CLAMP}, or null
   * for anything else.
   */
  static Long pythonInt(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 63 ? clamp(big.longValue()) : (big.signum() < 0 ? -CLAMP : CLAMP);
    }
    if (Py.isInt(value)) {
      return clamp(((Number) value).longValue());
    }
    return null;
  }

  static long clamp(long value) {
    return Math.max(-CLAMP, Math.min(CLAMP, value));
  }
}
