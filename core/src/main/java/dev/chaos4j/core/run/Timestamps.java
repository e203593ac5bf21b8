package dev.chaos4j.core.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Timestamps as the reference writes them: ISO-8601 UTC, microseconds, {@code +00:00}. */
public final class Timestamps {
  private static final int SECONDS_PER_DAY = 86_400;

  private Timestamps() {}

  /** The formatted date and time of one second, without fraction and offset. */
  private record Second(long epochSecond, String text) {}

  /** The second formatted last: a run's activities start and end many times a second. */
  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  /**
   * Python's {@code datetime.now(UTC).isoformat()} of an instant. Written digit by digit: a
   * java.time formatter costs more than the rest of a no-op activity's bookkeeping together, and
   * every activity needs two timestamps.
   */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    Second second = last;
    if (second.epochSecond() != seconds) {
      second = new Second(seconds, dateTime(seconds, 'T'));
      last = second;
    }
    int micros = instant.getNano() / 1000;
    if (micros == 0) {
      // Python omits the fraction when it is zero
      return second.text() + "+00:00";
    }
    StringBuilder out = new StringBuilder(32).append(second.text()).append('.');
    pad(out, micros, 6);
    return out.append("+00:00").toString();
  }

  /**
   * {@code yyyy-MM-dd}, the separator, then {@code HH:mm:ss}: the date and time of a count of
   * seconds since 1970-01-01T00:00 (UTC, or local time when the caller adds the zone's offset).
   */
  public static String dateTime(long seconds, char separator) {
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    StringBuilder out = new StringBuilder(19);
    int year = date.getYear();
    if (year >= 0 && year < 1000) {
      pad(out, year, 4);
    } else {
      out.append(year);
    }
    out.append('-');
    pad(out, date.getMonthValue(), 2);
    out.append('-');
    pad(out, date.getDayOfMonth(), 2);
    out.append(separator);
    pad(out, secondOfDay / 3600, 2);
    out.append(':');
    pad(out, secondOfDay / 60 % 60, 2);
    out.append(':');
    pad(out, secondOfDay % 60, 2);
    return out.toString();
  }

  /** Seconds between two instants, as a float with microsecond precision. */
  public static double seconds(Instant start, Instant end) {
    return ChronoUnit.MICROS.between(start, end) / 1_000_000.0;
  }

  /** Appends a non-negative number with leading zeros up to {@code width} digits. */
  private static void pad(StringBuilder out, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        out.append('0');
      }
    }
    out.append(value);
  }
}
