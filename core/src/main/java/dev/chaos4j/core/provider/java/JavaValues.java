package dev.chaos4j.core.provider.java;

import dev.chaos4j.core.value.Py;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts JSON values to the parameter types of users' Java methods, and their return values back
 * to JSON values.
 */
final class JavaValues {
  /** Beyond any long: refused before an exact conversion of a huge exponent is attempted. */
  private static final BigDecimal LARGEST_WHOLE =
      new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE);

  private JavaValues() {}

  /** A JSON value that does not fit a parameter type; the message says what was expected. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String expected) {
      super(expected, null, false, false);
    }
  }

  /** Whether {@link #toParameter} can produce values of this type. */
  static boolean supported(Class<?> type) {
    return type == Object.class
        || type == String.class
        || type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == double.class
        || type == Double.class
        || type == boolean.class
        || type == Boolean.class
        || type.isAssignableFrom(ArrayList.class)
        || type.isAssignableFrom(LinkedHashMap.class);
  }

  /** The type as a user reads it in messages. */
  static String describe(Class<?> type) {
    if (type.isAssignableFrom(ArrayList.class) && type != Object.class) {
      return "a list";
    }
    if (type.isAssignableFrom(LinkedHashMap.class) && type != Object.class) {
      return "a mapping";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    return "an " + type.getSimpleName();
  }

  /**
   * The JSON value as an instance of {@code type}. Lenient where the value is unambiguous: numbers
   * and booleans become strings, numeric strings numbers, whole floats integers, {@code
   * "true"}/{@code "false"} booleans. List and mapping elements are passed as they are.
   *
   * @throws Mismatch when it does not fit
   */
  static Object toParameter(Object value, Class<?> type) throws Mismatch {
    if (type == Object.class) {
      return value;
    }
    if (value == null) {
      if (type.isPrimitive()) {
        throw new Mismatch(describe(type));
      }
      return null;
    }
    if (type == String.class) {
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      throw new Mismatch(describe(type));
    }
    if (type == int.class || type == Integer.class) {
      try {
        return whole(value, type).intValueExact();
      } catch (ArithmeticException e) {
        throw new Mismatch(describe(type));
      }
    }
    if (type == long.class || type == Long.class) {
      try {
        return whole(value, type).longValueExact();
      } catch (ArithmeticException e) {
        throw new Mismatch(describe(type));
      }
    }
    if (type == double.class || type == Double.class) {
      if (value instanceof Number n) {
        return n.doubleValue();
      }
      if (value instanceof String s) {
        try {
          return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
          throw new Mismatch(describe(type));
        }
      }
      throw new Mismatch(describe(type));
    }
    if (type == boolean.class || type == Boolean.class) {
      if (value instanceof Boolean b) {
        return b;
      }
      if (value instanceof String s
          && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
        return Boolean.parseBoolean(s);
      }
      throw new Mismatch(describe(type));
    }
    if (type.isAssignableFrom(ArrayList.class)) {
      if (value instanceof List<?> list) {
        return type.isInstance(list) ? list : new ArrayList<>(list);
      }
      throw new Mismatch(describe(type));
    }
    if (type.isAssignableFrom(LinkedHashMap.class)) {
      if (value instanceof Map<?, ?> map) {
        return type.isInstance(map) ? map : new LinkedHashMap<>(map);
      }
      throw new Mismatch(describe(type));
    }
    throw new Mismatch(describe(type));
  }

  private static BigInteger whole(Object value, Class<?> type) throws Mismatch {
    BigDecimal d = decimal(value, type);
    if (d.abs().compareTo(LARGEST_WHOLE) > 0) {
      throw new Mismatch(describe(type));
    }
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new Mismatch(describe(type));
    }
  }

  private static BigDecimal decimal(Object value, Class<?> type) throws Mismatch {
    BigDecimal d = null;
    if (value instanceof Number n) {
      d = Py.toDecimal(n);
    } else if (value instanceof String s) {
      try {
        d = new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        d = null;
      }
    }
    if (d == null) {
      throw new Mismatch(describe(type));
    }
    return d;
  }

  /**
   * A method's return value as a JSON value: maps (keys as strings), collections and arrays
   * (lists), records (mappings of their components), optionals (their content), enums (their name),
   * characters and byte arrays (strings); strings, numbers, booleans and null as they are; anything
   * else its {@code toString()}.
   */
  static Object toJson(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Character || value instanceof Enum<?>) {
      return value instanceof Enum<?> e ? e.name() : value.toString();
    }
    if (value instanceof Optional<?> optional) {
      return toJson(optional.orElse(null));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(toJson(k)), toJson(v)));
      return out;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> out = new ArrayList<>(collection.size());
      collection.forEach(item -> out.add(toJson(item)));
      return out;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      List<Object> out = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        out.add(toJson(Array.get(value, i)));
      }
      return out;
    }
    if (value.getClass().isRecord()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          component.getAccessor().trySetAccessible();
          out.put(component.getName(), toJson(component.getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          out.put(component.getName(), null);
        }
      }
      return out;
    }
    return value.toString();
  }
}
