package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.value.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @SuppressWarnings("unchecked")
  private static RetryPolicy of(String retry) {
    return RetryPolicy.of(
        (Map<String, Object>) Json.parseTrusted("{\"name\": \"p\", \"retry\": " + retry + "}"));
  }

  @Test
  void anActivityWithoutRetryIsRunOnce() {
    assertThat(RetryPolicy.of(Map.of("name", "p"))).isSameAs(RetryPolicy.NONE);
    assertThat(RetryPolicy.NONE.attempts()).isEqualTo(1);
  }

  @Test
  void countAndDelayAreRead() {
    assertThat(of("{\"count\": 2, \"delay\": 0.5}")).isEqualTo(new RetryPolicy(2, 0.5));
    assertThat(of("{\"count\": 2}")).isEqualTo(new RetryPolicy(2, 0));
    assertThat(of("{\"count\": 2}").attempts()).isEqualTo(3);
  }

  @Test
  void malformedBlocksAreRefusedWithTheActivityNamed() {
    assertThatThrownBy(() -> of("3"))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage(
            "retry of activity 'p' must be a mapping such as {\"count\": 3, \"delay\": 1}, not"
                + " int");
    assertThatThrownBy(() -> of("{\"count\": 1, \"delays\": 2}"))
        .hasMessage(
            "retry of activity 'p' has an unknown key 'delays' (count and delay are known)");
    assertThatThrownBy(() -> of("{\"delay\": 2}"))
        .hasMessage("retry of activity 'p': count must be a whole number from 0 to 1000, not None");
    assertThatThrownBy(() -> of("{\"count\": 1.5}"))
        .hasMessage("retry of activity 'p': count must be a whole number from 0 to 1000, not 1.5");
    assertThatThrownBy(() -> of("{\"count\": true}"))
        .hasMessage("retry of activity 'p': count must be a whole number from 0 to 1000, not True");
    assertThatThrownBy(() -> of("{\"count\": 1, \"delay\": -1}"))
        .hasMessage(
            "retry of activity 'p': delay must be a number of seconds from 0 to 86400, not -1");
  }
}
