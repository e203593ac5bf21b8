package dev.chaos4j.core.config;

import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The value types of {@code env_var_type} and {@code --var key:type=value}, with the reference's
 * conversions (Python's {@code int()}, {@code float()}, {@code str.encode()}, {@code json.loads}).
 */
public enum VarType {
  /** {@code str} or {@code string}, the default: the value as it is. */
  STR,
  /** {@code int} or {@code integer}: a whole number. */
  INT,
  /** {@code float} or {@code number}: a double. */
  FLOAT,
  /** {@code bytes}: the UTF-8 encoding of the text, a {@code byte[]}. */
  BYTES,
  /** {@code bool}: false iff the text, lower-cased, is {@code false}, {@code 0} or {@code no}. */
  BOOL,
  /** {@code json}: the text parsed as JSON (an empty text stays as it is). */
  JSON;

  /** The reference's message for a type name it does not know. */
  public static final String UNKNOWN_TYPE_MESSAGE =
      "variable type can only be: bool, str, int, float, bytes or json";

  /** Python's {@code int(text)}: optional sign, digits with single underscores between them. */
  private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*");

  /** Python's {@code float(text)}: decimal literals with underscores, inf, infinity and nan. */
  private static final Pattern PY_FLOAT =
      Pattern.compile(
          "[+-]?(?:(?:\\d+(?:_\\d+)*)?\\.?\\d+(?:_\\d+)*(?:[eE][+-]?\\d+(?:_\\d+)*)?"
              + "|\\d+(?:_\\d+)*\\.(?:[eE][+-]?\\d+(?:_\\d+)*)?"
              + "|(?i:inf|infinity|nan))");

  /**
   * The type named {@code name}; null means the default {@link #STR}.
   *
   * @throws IllegalArgumentException with {@link #UNKNOWN_TYPE_MESSAGE} for any other name
   */
  public static VarType of(String name) {
    if (name == null) {
      return STR;
    }
    return switch (name) {
      case "str", "string" -> STR;
      case "int", "integer" -> INT;
      case "float", "number" -> FLOAT;
      case "bytes" -> BYTES;
      case "bool" -> BOOL;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException(UNKNOWN_TYPE_MESSAGE);
    };
  }

  /**
   * Converts a value, usually the text of an environment variable or of a {@code --var}, to this
   * type. A null value (an env definition whose default is null) stays null.
   *
   * @throws IllegalArgumentException saying which value cannot become this type
   */
  public Object convert(Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case STR -> value;
      case INT -> toInt(value);
      case FLOAT -> toFloat(value);
      case BYTES -> toBytes(value);
      case BOOL -> toBool(value);
      case JSON -> toJson(value);
    };
  }

  /** The name used in messages, as the reference spells it. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  private Object toInt(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (Py.isInt(value)) {
      return value;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw cannotConvert(value);
      }
      return narrow(new BigDecimal(d).toBigInteger());
    }
    if (value instanceof String s) {
      String text = s.strip();
      if (PY_INT.matcher(text).matches()) {
        return narrow(new BigInteger(text.replace("_", "")));
      }
    }
    throw cannotConvert(value);
  }

  private Object toFloat(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      String text = s.strip();
      if (PY_FLOAT.matcher(text).matches()) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.replaceFirst("^[+-]", "");
        if (unsigned.startsWith("inf")) {
          return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
          return Double.NaN;
        }
        return Double.parseDouble(text.replace("_", ""));
      }
    }
    throw cannotConvert(value);
  }

  private Object toBytes(Object value) {
    if (value instanceof byte[]) {
      return value;
    }
    if (value instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    throw cannotConvert(value);
  }

  private Object toBool(Object value) {
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof String s) {
      String lower = s.toLowerCase(Locale.ROOT);
      return !(lower.equals("false") || lower.equals("0") || lower.equals("no"));
    }
    throw cannotConvert(value);
  }

  private Object toJson(Object value) {
    if (!(value instanceof String s) || s.isEmpty()) {
      return value;
    }
    try {
      return Json.parse(s);
    } catch (Json.SyntaxError e) {
      throw new IllegalArgumentException(
          "cannot convert "
              + Py.repr(value)
              + " to json: "
              + e.getMessage()
              + " at line "
              + e.line()
              + " column "
              + e.column(),
          e);
    }
  }

  private IllegalArgumentException cannotConvert(Object value) {
    return new IllegalArgumentException("cannot convert " + Py.repr(value) + " to " + label());
  }

  /** The smallest of Integer, Long, BigInteger that holds the number, as {@link Json} does. */
  private static Object narrow(BigInteger i) {
    if (i.bitLength() < 32) {
      return i.intValue();
    }
    if (i.bitLength() < 64) {
      return i.longValue();
    }
    return i;
  }
}
