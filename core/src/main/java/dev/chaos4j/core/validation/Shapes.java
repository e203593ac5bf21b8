package dev.chaos4j.core.validation;

import dev.chaos4j.core.value.Py;
import java.util.List;
import java.util.Map;

/** Small predicates and descriptions of JSON value shapes, for validation messages. */
final class Shapes {
  private Shapes() {}

  static boolean truthy(Object o) {
    return Py.truthy(o);
  }

  /** Python's {@code isinstance(o, numbers.Number)}: booleans count, as in Python. */
  static boolean isNumber(Object o) {
    return Py.isNumeric(o);
  }

  /** "a list", "a string", ... for messages. */
  static String describe(Object o) {
    if (o instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (o instanceof List<?>) {
      return "a list";
    }
    if (o instanceof String) {
      return "a string";
    }
    if (o instanceof Boolean) {
      return "a boolean";
    }
    if (o instanceof Number) {
      return "a number";
    }
    return o == null ? "null" : o.getClass().getSimpleName();
  }
}
