package dev.chaos4j.core.tolerance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A number as Python's {@code Decimal(value)} reads it for range tolerances: exact values of ints,
 * floats and booleans, and strings such as {@code " 42\n"}, {@code "1_000"}, {@code "-Infinity"}.
 * Infinities order as expected; NaN orders with nothing.
 */
final class DecimalValue {
  private static final Pattern SYNTAX =
      Pattern.compile(
          "[+-]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[+-]?\\d+)?|inf(?:inity)?|s?nan\\d*)",
          Pattern.CASE_INSENSITIVE);

  /** The finite value, or null for infinities and NaN. */
  private final BigDecimal finite;

  /** -1 or +1 for an infinity, 0 otherwise. */
  private final int infinity;

  private DecimalValue(BigDecimal finite, int infinity) {
    this.finite = finite;
    this.infinity = infinity;
  }

  private static final DecimalValue NAN = new DecimalValue(null, 0);

  /** The decimal value of {@code value}, or null where Python's {@code Decimal()} would fail. */
  static DecimalValue of(Object value) {
    if (value instanceof Boolean b) {
      return new DecimalValue(b ? BigDecimal.ONE : BigDecimal.ZERO, 0);
    }
    if (value instanceof BigDecimal d) {
      return new DecimalValue(d, 0);
    }
    if (value instanceof BigInteger i) {
      return new DecimalValue(new BigDecimal(i), 0);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return NAN;
      }
      if (Double.isInfinite(d)) {
        return new DecimalValue(null, d > 0 ? 1 : -1);
      }
      return new DecimalValue(new BigDecimal(d), 0);
    }
    if (value instanceof Number n) {
      return new DecimalValue(BigDecimal.valueOf(n.longValue()), 0);
    }
    if (value instanceof String s) {
      return parse(s);
    }
    return null;
  }

  private static DecimalValue parse(String raw) {
    StringBuilder ascii = new StringBuilder(raw.length());
    PythonText.strip(raw)
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '_') {
                return;
              }
              if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + Character.digit(cp, 10))); // Unicode digits count
              } else {
                ascii.appendCodePoint(cp);
              }
            });
    String text = ascii.toString();
    if (!SYNTAX.matcher(text).matches()) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("nan")) {
      return NAN;
    }
    if (lower.contains("inf")) {
      return new DecimalValue(null, lower.startsWith("-") ? -1 : 1);
    }
    try {
      return new DecimalValue(new BigDecimal(text), 0);
    } catch (NumberFormatException e) {
      return null; // an exponent beyond what BigDecimal holds
    }
  }

  boolean isNaN() {
    return finite == null && infinity == 0;
  }

  /** {@code this <= other}; false when either is NaN (where Python raises). */
  boolean atMost(DecimalValue other) {
    if (isNaN() || other.isNaN()) {
      return false;
    }
    if (infinity != 0 || other.infinity != 0) {
      return infinity <= other.infinity; // a finite value ranks 0, between the two infinities
    }
    return finite.compareTo(other.finite) <= 0;
  }
}
