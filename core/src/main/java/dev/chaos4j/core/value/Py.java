package dev.chaos4j.core.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python value semantics over plain JSON values (maps, lists, strings, numbers, booleans, null).
 *
 * <p>Experiments written for the reference rely on how Python compares, formats and tests values
 * ({@code 1 == True}, {@code str(True) == "True"}, {@code "n=" + str(5)}), so the engine uses these
 * helpers wherever the reference would have used Python operators.
 */
public final class Py {
  private Py() {}

  /** Python {@code a == b}: numbers compare by value (booleans are 0 and 1), containers deeply. */
  public static boolean eq(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (isNumeric(a) && isNumeric(b)) {
      return compareNumbers(a, b) == 0;
    }
    if (a instanceof String || b instanceof String) {
      return a.equals(b);
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      Iterator<?> ia = la.iterator();
      Iterator<?> ib = lb.iterator();
      while (ia.hasNext()) {
        if (!eq(ia.next(), ib.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !eq(e.getValue(), mb.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof byte[] ba && b instanceof byte[] bb) {
      return Arrays.equals(ba, bb);
    }
    return Objects.equals(a, b);
  }

  /** True for values Python treats as numbers: int, float and bool. */
  public static boolean isNumeric(Object o) {
    return o instanceof Number || o instanceof Boolean;
  }

  /** True for Python {@code int} or {@code float}, excluding booleans. */
  public static boolean isNumber(Object o) {
    return o instanceof Number;
  }

  /** True for whole numbers (Python {@code int}), excluding booleans. */
  public static boolean isInt(Object o) {
    return o instanceof Integer
        || o instanceof Long
        || o instanceof BigInteger
        || o instanceof Short
        || o instanceof Byte;
  }

  /**
   * Python ordering ({@code a < b} gives a negative number). Numbers compare numerically, strings
   * lexicographically by code point, lists element-wise.
   *
   * @throws IllegalArgumentException where Python raises {@code TypeError} ("'<' not supported")
   */
  public static int compare(Object a, Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof String sa && b instanceof String sb) {
      return sa.compareTo(sb);
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      int n = Math.min(la.size(), lb.size());
      for (int i = 0; i < n; i++) {
        if (!eq(la.get(i), lb.get(i))) {
          return compare(la.get(i), lb.get(i));
        }
      }
      return Integer.compare(la.size(), lb.size());
    }
    throw new IllegalArgumentException(
        "'<' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
  }

  private static int compareNumbers(Object a, Object b) {
    BigDecimal x = toDecimal(a);
    BigDecimal y = toDecimal(b);
    if (x == null || y == null) {
      // NaN or infinities: fall back on doubles (NaN compares unequal to everything)
      double dx = toDouble(a);
      double dy = toDouble(b);
      if (Double.isNaN(dx) || Double.isNaN(dy)) {
        return dx == dy ? 0 : 1;
      }
      return Double.compare(dx, dy);
    }
    return x.compareTo(y);
  }

  /** The exact decimal value of a number or boolean, or null for NaN and infinities. */
  public static BigDecimal toDecimal(Object o) {
    if (o instanceof Boolean bool) {
      return bool ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (o instanceof BigDecimal d) {
      return d;
    }
    if (o instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (o instanceof Double || o instanceof Float) {
      double d = ((Number) o).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
    if (o instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    return null;
  }

  private static double toDouble(Object o) {
    if (o instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    return ((Number) o).doubleValue();
  }

  /** Python truthiness: None, False, 0, empty strings and containers are false. */
  public static boolean truthy(Object o) {
    if (o == null) {
      return false;
    }
    if (o instanceof Boolean b) {
      return b;
    }
    if (o instanceof Number n) {
      BigDecimal d = toDecimal(n);
      return d == null || d.signum() != 0; // NaN and infinities are true in Python
    }
    if (o instanceof String s) {
      return !s.isEmpty();
    }
    if (o instanceof List<?> l) {
      return !l.isEmpty();
    }
    if (o instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (o instanceof byte[] bytes) {
      return bytes.length > 0;
    }
    return true;
  }

  /** Python {@code type(o).__name__}, for messages that name types as the reference does. */
  public static String typeName(Object o) {
    if (o == null) {
      return "NoneType";
    }
    if (o instanceof Boolean) {
      return "bool";
    }
    if (isInt(o)) {
      return "int";
    }
    if (o instanceof Number) {
      return "float";
    }
    if (o instanceof String) {
      return "str";
    }
    if (o instanceof List) {
      return "list";
    }
    if (o instanceof Map) {
      return "dict";
    }
    if (o instanceof byte[]) {
      return "bytes";
    }
    return o.getClass().getSimpleName();
  }

  /** Python {@code str(o)}. */
  public static String str(Object o) {
    if (o instanceof String s) {
      return s;
    }
    return repr(o);
  }

  /** Python {@code repr(o)}. */
  public static String repr(Object o) {
    StringBuilder sb = new StringBuilder();
    appendRepr(sb, o);
    return sb.toString();
  }

  private static void appendRepr(StringBuilder sb, Object o) {
    if (o == null) {
      sb.append("None");
    } else if (o instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (o instanceof Double || o instanceof Float) {
      sb.append(floatRepr(((Number) o).doubleValue()));
    } else if (o instanceof BigDecimal d) {
      sb.append(floatRepr(d.doubleValue()));
    } else if (o instanceof Number n) {
      sb.append(n);
    } else if (o instanceof String s) {
      appendStringRepr(sb, s);
    } else if (o instanceof List<?> l) {
      sb.append('[');
      boolean first = true;
      for (Object item : l) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendRepr(sb, item);
      }
      sb.append(']');
    } else if (o instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendRepr(sb, e.getKey());
        sb.append(": ");
        appendRepr(sb, e.getValue());
      }
      sb.append('}');
    } else if (o instanceof byte[] bytes) {
      appendBytesRepr(sb, bytes);
    } else {
      sb.append(o);
    }
  }

  /** Python's {@code repr(bytes)}: {@code b'...'}, non-printable bytes as {@code \xhh}. */
  private static void appendBytesRepr(StringBuilder sb, byte[] bytes) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte b : bytes) {
      hasSingle |= b == '\'';
      hasDouble |= b == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    sb.append('b').append(quote);
    for (byte b : bytes) {
      int c = b & 0xff;
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c == quote) {
            sb.append('\\').append(quote);
          } else if (c < 0x20 || c >= 0x7f) {
            sb.append(String.format("\\x%02x", c));
          } else {
            sb.append((char) c);
          }
        }
      }
    }
    sb.append(quote);
  }

  private static void appendStringRepr(StringBuilder sb, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c == quote) {
            sb.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append(quote);
  }

  /** Python's {@code repr(float)}: shortest round-trip digits, exponent outside [1e-4, 1e16). */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = bd.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (bd.signum() < 0) {
        sb.append('-');
      }
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        sb.append('0');
      }
      sb.append(abs);
      return sb.toString();
    }
    String plain = bd.toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }
}
