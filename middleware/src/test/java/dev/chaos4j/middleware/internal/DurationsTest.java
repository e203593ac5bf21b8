package dev.chaos4j.middleware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in configuration and attacks. */
class DurationsTest {

  @Test
  void readsUnitsIsoAndPlainSeconds() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("pt1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse(" 7 ")).isEqualTo(Duration.ofSeconds(7));
    assertThat(Durations.ofSeconds(0.5)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void refusesWhatIsNotADuration() {
    for (String bad : new String[] {"soon", "-1s", "5 parsecs", "", "P"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .hasMessage("'" + bad + "' is not a duration (examples: 250ms, 30s, 5m, 1h, PT30S)");
    }
  }

  @Test
  void writesTheShortestExactForm() {
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
