package dev.chaos4j.middleware.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads and writes the durations of the configuration and of attacks: {@code 250ms}, {@code 30s},
 * {@code 5m}, {@code 1h}, ISO-8601 ({@code PT30S}) or a plain number of seconds.
 */
public final class Durations {

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final BigDecimal SIXTY_SQUARED = BigDecimal.valueOf(3600);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  public static Duration parse(String text) {
    String value = text.trim();
    try {
      if (value.regionMatches(true, 0, "PT", 0, 2) || value.regionMatches(true, 0, "P", 0, 1)) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      String lower = value.toLowerCase(Locale.ROOT);
      if (lower.endsWith("ms")) {
        return millis(new BigDecimal(lower.substring(0, lower.length() - 2).trim()));
      }
      if (lower.endsWith("s")) {
        return seconds(new BigDecimal(lower.substring(0, lower.length() - 1).trim()));
      }
      if (lower.endsWith("m")) {
        return seconds(
            new BigDecimal(lower.substring(0, lower.length() - 1).trim()).multiply(SIXTY));
      }
      if (lower.endsWith("h")) {
        return seconds(
            new BigDecimal(lower.substring(0, lower.length() - 1).trim()).multiply(SIXTY_SQUARED));
      }
      return seconds(new BigDecimal(lower));
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (examples: 250ms, 30s, 5m, 1h, PT30S)");
    }
  }

  /** A number of seconds (which may have a fraction) as a duration. */
  public static Duration ofSeconds(Number seconds) {
    try {
      return seconds(new BigDecimal(seconds.toString()));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(seconds + " is not a duration in seconds");
    }
  }

  /** The shortest of our own forms that states the duration exactly, e.g. {@code 1500ms}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis != 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis != 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  private static Duration seconds(BigDecimal seconds) {
    return millis(seconds.multiply(THOUSAND));
  }

  private static Duration millis(BigDecimal millis) {
    if (millis.signum() < 0) {
      throw new NumberFormatException("negative");
    }
    return Duration.ofNanos(millis.multiply(BigDecimal.valueOf(1_000_000)).longValueExact());
  }
}
