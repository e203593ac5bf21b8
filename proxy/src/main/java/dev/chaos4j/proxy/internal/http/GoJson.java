package dev.chaos4j.proxy.internal.http;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values (maps, lists, strings, numbers, booleans, null) as Go's {@code
 * encoding/json} marshals them: compact, with {@code <}, {@code >} and {@code &} escaped, and
 * floats in their shortest form ({@code 1} rather than {@code 1.0}).
 */
final class GoJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Float number) {
      floating(
          number.doubleValue(),
          Float.toString(number),
          Math.abs(number) < 1e-6f || Math.abs(number) >= 1e21f,
          out);
    } else if (value instanceof Double number) {
      floating(
          number,
          Double.toString(number),
          Math.abs(number) < 1e-6 || Math.abs(number) >= 1e21,
          out);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(String.valueOf(entry.getKey()), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot encode " + value.getClass());
    }
  }

  /** Go's float encoding: plain decimal digits, or an exponent for very small or large values. */
  private static void floating(double value, String javaText, boolean exponent, StringBuilder out) {
    if (value == 0) {
      out.append('0');
      return;
    }
    BigDecimal decimal = new BigDecimal(javaText).stripTrailingZeros();
    if (!exponent) {
      out.append(decimal.toPlainString());
      return;
    }
    String digits = decimal.unscaledValue().abs().toString();
    int power = digits.length() - 1 - decimal.scale();
    if (decimal.signum() < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(power < 0 ? '-' : '+');
    int magnitude = Math.abs(power);
    if (magnitude < 10) {
      out.append('0');
    }
    out.append(magnitude);
    // Go then trims "e-07" to "e-7" (but keeps "e+21").
    int length = out.length();
    if (power < 0 && magnitude < 10) {
      out.deleteCharAt(length - 2);
    }
  }

  static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else if (c == '\u2028' || c == '\u2029') {
            out.append(c == '\u2028' ? "\\u2028" : "\\u2029");
          } else if (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1)))
              && !(Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1)))) {
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
