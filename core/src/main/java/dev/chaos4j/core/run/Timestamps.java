package dev.chaos4j.core.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/** Timestamps as the reference writes them: ISO-8601 UTC, microseconds, {@code +00:00}. */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
          .optionalEnd()
          .appendLiteral("+00:00")
          .toFormatter();

  private Timestamps() {}

  /** Python's {@code datetime.now(UTC).isoformat()} of an instant. */
  public static String format(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    if (micros.getNano() == 0) {
      // Python omits the fraction when it is zero
      return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
          .format(micros.atOffset(ZoneOffset.UTC));
    }
    return FORMAT.format(micros.atOffset(ZoneOffset.UTC));
  }

  /** Seconds between two instants, as a float with microsecond precision. */
  public static double seconds(Instant start, Instant end) {
    return ChronoUnit.MICROS.between(start, end) / 1_000_000.0;
  }
}
