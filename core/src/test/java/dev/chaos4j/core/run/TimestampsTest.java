package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void formatsLikePythonIsoformatInUtc() {
    assertThat(Timestamps.format(Instant.parse("2026-11-22T01:49:16.499734123Z")))
        .isEqualTo("2026-11-22T01:49:16.499734+00:00");
    assertThat(Timestamps.format(Instant.parse("2026-11-22T01:49:16Z")))
        .isEqualTo("2026-11-22T01:49:16+00:00");
    assertThat(Timestamps.format(Instant.parse("2026-11-22T01:49:16.5Z")))
        .isEqualTo("2026-11-22T01:49:16.500000+00:00");
  }

  @Test
  void durationsAreSecondsWithMicroseconds() {
    Instant a = Instant.parse("2026-11-22T01:49:16.000001Z");
    Instant b = Instant.parse("2026-11-22T01:49:17.250001Z");
    assertThat(Timestamps.seconds(a, b)).isEqualTo(1.25);
  }
}
