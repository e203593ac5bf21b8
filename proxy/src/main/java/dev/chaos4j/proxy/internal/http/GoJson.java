package dev.chaos4j.proxy.internal.http;

import java.math.BigDecimal;
import java.math.MathContext;
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
      float32(number, out);
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

  /**
   * Go's encoding of a float32: the fewest significant digits that read back as the same float,
   * written plainly, or with an exponent below 1e-6 and from 1e21 on.
   */
  private static void float32(float value, StringBuilder out) {
    if (value == 0) {
      out.append('0');
      return;
    }
    BigDecimal shortest = null;
    for (int digits = 1; digits <= 9; digits++) {
      BigDecimal candidate = new BigDecimal(value).round(new MathContext(digits));
      if (candidate.floatValue() == value) {
        shortest = candidate.stripTrailingZeros();
        break;
      }
    }
    float magnitude = Math.abs(value);
    if (magnitude >= 1e-6f && magnitude < 1e21f) {
      out.append(shortest.toPlainString());
      return;
    }
    String digits = shortest.unscaledValue().abs().toString();
    int power = digits.length() - 1 - shortest.scale();
    if (shortest.signum() < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    // Go writes e-7 and e+21: no leading zero in a negative exponent, at least two digits after +.
    out.append('e').append(power < 0 ? '-' : '+');
    if (power > 0 && power < 10) {
      out.append('0');
    }
    out.append(Math.abs(power));
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
