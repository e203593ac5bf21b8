package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void padsEveryFieldWithZeros() {
    assertThat(Timestamps.format(Instant.parse("0999-01-02T03:04:05.000123Z")))
        .isEqualTo("0999-01-02T03:04:05.000123+00:00");
    assertThat(Timestamps.format(Instant.parse("1969-12-31T23:59:59.999999999Z")))
        .isEqualTo("1969-12-31T23:59:59.999999+00:00");
  }

  @Test
  void agreesWithJavaTimeOverManyInstants() {
    DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextInt(5_000_000) * 1000L, random.nextInt(1_000_000_000));
      int micros = instant.getNano() / 1000;
      String expected =
          instant.atOffset(ZoneOffset.UTC).format(seconds)
              + (micros == 0 ? "" : String.format(".%06d", micros))
              + "+00:00";
      assertThat(Timestamps.format(instant)).isEqualTo(expected);
    }
  }

  @Test
  void instantsOfTheSameAndOfAlternatingSecondsStayRightAcrossThreads() throws Exception {
    DateTimeFormatter micros = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = t;
        checked.add(
            threads.submit(
                () -> {
                  Random random = new Random(seed);
                  for (int i = 0; i < 20_000; i++) {
                    // three neighbouring seconds, so that the remembered second keeps changing
                    Instant instant =
                        Instant.ofEpochSecond(
                            1_795_000_000L + random.nextInt(3), 1000 + random.nextInt(999_999_000));
                    String expected = instant.atOffset(ZoneOffset.UTC).format(micros) + "+00:00";
                    assertThat(Timestamps.format(instant)).isEqualTo(expected);
                  }
                  return 20_000;
                }));
      }
      for (Future<Integer> f : checked) {
        assertThat(f.get()).isEqualTo(20_000);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void durationsAreSecondsWithMicroseconds() {
    Instant a = Instant.parse("2026-11-22T01:49:16.000001Z");
    Instant b = Instant.parse("2026-11-22T01:49:17.250001Z");
    assertThat(Timestamps.seconds(a, b)).isEqualTo(1.25);
  }
}
