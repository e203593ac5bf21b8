package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Delay;
import dev.chaos4j.middleware.AttackSpec.Phase;
import dev.chaos4j.middleware.AttackSpec.ThrowException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of an attack, and the checks of every field. */
class AttackSpecTest {

  @Test
  void readsEveryField() {
    AttackSpec spec =
        AttackSpec.parse(
            "{\"id\": \"a-1\", \"route\": \"/api/**\", \"methods\": [\"get\", \"POST\"],"
                + " \"headers\": {\"x-tenant\": \"acme\"}, \"application\": \"shop\","
                + " \"environment\": \"prod\", \"instance\": \"pod-1\", \"delay\": {\"minMs\": 10,"
                + " \"maxMs\": 20}, \"abort\": {\"status\": 503, \"body\": \"b\"}, \"phase\":"
                + " \"after\", \"probability\": 0.25, \"everyNth\": 2, \"maxConcurrent\": 3,"
                + " \"maxHits\": 4, \"ttl\": 90}");

    assertThat(spec.id()).isEqualTo("a-1");
    assertThat(spec.route()).isEqualTo("/api/**");
    assertThat(spec.methods()).containsExactly("GET", "POST");
    assertThat(spec.headers()).containsExactly(Map.entry("x-tenant", "acme"));
    assertThat(spec.application()).isEqualTo("shop");
    assertThat(spec.environment()).isEqualTo("prod");
    assertThat(spec.instance()).isEqualTo("pod-1");
    assertThat(spec.delay()).isEqualTo(Delay.between(10, 20));
    assertThat(spec.fault()).isEqualTo(new Abort(503, "b", null));
    assertThat(spec.phase()).isEqualTo(Phase.AFTER);
    assertThat(spec.probability()).isEqualTo(0.25);
    assertThat(spec.everyNth()).isEqualTo(2);
    assertThat(spec.maxConcurrent()).isEqualTo(3);
    assertThat(spec.maxHits()).isEqualTo(4);
    assertThat(spec.ttl()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void defaultsTargetEveryRequestBeforeTheHandler() {
    AttackSpec spec = AttackSpec.parse("{\"delay\": {\"ms\": 5}}");

    assertThat(spec.id()).isNull();
    assertThat(spec.route()).isEqualTo("/**");
    assertThat(spec.methods()).isEmpty();
    assertThat(spec.phase()).isEqualTo(Phase.BEFORE);
    assertThat(spec.probability()).isEqualTo(1.0);
    assertThat(spec.everyNth()).isEqualTo(1);
    assertThat(spec.ttl()).isNull();
    assertThat(spec.delay()).isEqualTo(Delay.fixed(5));
  }

  @Test
  void writesWhatItReads() {
    for (String json :
        List.of(
            "{\"id\": \"j\", \"delay\": {\"ms\": 100, \"jitterMs\": 20}, \"ttl\": \"5m\"}",
            "{\"id\": \"e\", \"exception\": {\"type\": \"java.io.IOException\", \"message\": \"m\"},"
                + " \"methods\": [\"PUT\"], \"headers\": {\"h\": \"*\"}}",
            "{\"id\": \"r\", \"delay\": {\"minMs\": 1, \"maxMs\": 2}, \"abort\": {\"status\": 500},"
                + " \"instance\": \"i\", \"ttl\": \"1500ms\"}")) {
      AttackSpec spec = AttackSpec.parse(json);
      assertThat(AttackSpec.fromMap(spec.toMap())).isEqualTo(spec);
    }
  }

  @Test
  void buildsInCode() {
    AttackSpec spec =
        AttackSpec.on("/api/orders")
            .id("b")
            .methods("GET")
            .header("x-user", "test-*")
            .delay(Delay.jittered(100, 10))
            .fault(new ThrowException("java.io.IOException", null))
            .probability(0.5)
            .ttl(Duration.ofMinutes(1))
            .build();

    assertThat(AttackSpec.fromMap(spec.toMap())).isEqualTo(spec);
  }

  @Test
  void refusesUnknownKeysSoThatATypoCannotWidenTheBlastRadius() {
    assertThatThrownBy(() -> AttackSpec.parse("{\"rute\": \"/x\", \"delay\": {\"ms\": 1}}"))
        .isInstanceOf(InvalidAttackException.class)
        .hasMessageStartingWith("unknown key 'rute' in an attack (known: abort, application,");
    assertThatThrownBy(() -> AttackSpec.parse("{\"delay\": {\"seconds\": 1}}"))
        .hasMessageStartingWith("unknown key 'seconds' in 'delay'");
  }

  @Test
  void saysWhatIsWrongWithAField() {
    assertThat(problem("{}")).isEqualTo("an attack needs a delay, an exception or an abort");
    assertThat(problem("{\"id\": \"bad id\", \"delay\": {\"ms\": 1}}"))
        .startsWith("id 'bad id' must be 1 to 64 letters");
    assertThat(problem("{\"probability\": 0, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("probability must be greater than 0 and at most 1, got 0.0");
    assertThat(problem("{\"probability\": \"half\", \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'probability' must be a number, got \"half\"");
    assertThat(problem("{\"everyNth\": 0, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("everyNth must be at least 1, got 0");
    assertThat(problem("{\"everyNth\": 1.5, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'everyNth' must be a whole number, got 1.5");
    assertThat(problem("{\"delay\": {\"ms\": -1}}"))
        .isEqualTo("delay must have 0 <= minMs <= maxMs, got -1 and -1");
    assertThat(problem("{\"delay\": {\"minMs\": 5}}"))
        .isEqualTo("'delay' needs 'ms', or both 'minMs' and 'maxMs'");
    assertThat(problem("{\"delay\": {\"minMs\": 1, \"maxMs\": 5, \"jitterMs\": 1}}"))
        .isEqualTo("delay takes either a range (minMs, maxMs) or jitterMs");
    assertThat(problem("{\"abort\": {\"status\": 200}}"))
        .isEqualTo("abort status must be between 400 and 599, got 200");
    assertThat(problem("{\"abort\": {\"status\": 500}, \"exception\": {\"type\": \"a.B\"}}"))
        .isEqualTo("an attack takes either 'exception' or 'abort', not both");
    assertThat(problem("{\"exception\": {\"type\": \"not a class\"}}"))
        .isEqualTo("exception type 'not a class' is not a class name");
    assertThat(problem("{\"phase\": \"during\", \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'phase' must be \"before\" or \"after\", got \"during\"");
    assertThat(problem("{\"methods\": [\"GET\", 1], \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'methods' must be a list of HTTP methods");
    assertThat(problem("{\"methods\": [\"G-T\"], \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'G-T' is not an HTTP method");
    assertThat(problem("{\"headers\": {\"bad header\": \"x\"}, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'bad header' is not an HTTP header name");
    assertThat(problem("{\"ttl\": \"soon\", \"delay\": {\"ms\": 1}}"))
        .startsWith("'ttl': 'soon' is not a duration");
    assertThat(problem("{\"ttl\": 0, \"delay\": {\"ms\": 1}}")).isEqualTo("ttl must be positive");
    assertThat(problem("{\"ttl\": 1e300, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'ttl': 1.0E300 is not a duration in seconds");
    assertThat(problem("{\"ttl\": -5, \"delay\": {\"ms\": 1}}"))
        .isEqualTo("'ttl': -5 is not a duration in seconds");
    assertThat(problem("[1]")).isEqualTo("the attack must be a JSON object, got [1]");
    assertThat(problem("{\"delay\": ")).startsWith("invalid JSON at character");
  }

  private static String problem(String json) {
    try {
      AttackSpec.parse(json);
    } catch (InvalidAttackException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }
}
