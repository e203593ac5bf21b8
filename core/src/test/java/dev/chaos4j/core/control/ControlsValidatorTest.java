package dev.chaos4j.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.InvalidControl;
import dev.chaos4j.core.value.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlsValidatorTest {
  private final List<Object> checkedActivities = new ArrayList<>();
  private final ControlsValidator validator =
      new ControlsValidator(ControlLoader.javaOnly(), checkedActivities::add);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> experiment(String controls) {
    return (Map<String, Object>)
        Json.parseTrusted("{\"title\": \"t\", \"method\": [], \"controls\": [" + controls + "]}");
  }

  private static String safeguards(String arguments) {
    return "{\"name\": \"sg\", \"provider\": {\"type\": \"python\","
        + " \"module\": \"chaosaddons.controls.safeguards\", \"arguments\": "
        + arguments
        + "}}";
  }

  private static final String PROBE =
      "{\"name\": \"up\", \"type\": \"probe\", \"provider\": {\"type\": \"http\", \"url\": \"x\"}";

  @Test
  void aJavaControlMustNameAUsableClass() {
    assertThatThrownBy(
            () ->
                validator.check(
                    experiment("{\"name\": \"j\", \"provider\": {\"type\": \"java\"}}")))
        .isInstanceOf(InvalidControl.class)
        .hasMessage("Control 'j' must have a Java class name");
    assertThatThrownBy(
            () ->
                validator.check(
                    experiment(
                        "{\"name\": \"j\", \"provider\": {\"type\": \"java\", \"class\":"
                            + " \"java.lang.String\"}}")))
        .isInstanceOf(InvalidControl.class)
        .hasMessageContaining("does not implement");
    assertThatCode(
            () ->
                validator.check(
                    experiment(
                        "{\"name\": \"j\", \"provider\": {\"type\": \"java\", \"class\": \""
                            + NoisyControl.class.getName()
                            + "\"}}")))
        .doesNotThrowAnyException();
  }

  @Test
  void theSafeguardsControlValidatesItsProbes() {
    assertThatThrownBy(() -> validator.check(experiment(safeguards("{}"))))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("safeguard control must have at least one probe");
    assertThatThrownBy(
            () -> validator.check(experiment(safeguards("{\"probes\": [" + PROBE + "}]}"))))
        .hasMessage(
            "safeguard control is invalid as the probe 'up' is missing a tolerance property");
    assertThatThrownBy(
            () ->
                validator.check(
                    experiment(
                        safeguards(
                            "{\"probes\": ["
                                + PROBE.replace("\"probe\"", "\"action\"")
                                + ", \"tolerance\": 200}]}"))))
        .hasMessage("safeguard control 'up' should be of type 'probe' not 'action'");
    assertThatThrownBy(
            () ->
                validator.check(
                    experiment(safeguards("{\"probes\": [" + PROBE + ", \"tolerance\": 1.5}]}"))))
        .isInstanceOf(InvalidActivity.class);
    assertThatThrownBy(
            () ->
                validator.check(
                    experiment(
                        safeguards(
                            "{\"probes\": ["
                                + PROBE
                                + ", \"tolerance\": 200, \"frequency\": -1}]}"))))
        .hasMessage("safeguard probe 'up' frequency must be a positive number of seconds");
  }

  @Test
  void validSafeguardProbesAreCheckedWithTheEngineActivityRules() {
    validator.check(
        experiment(
            safeguards("{\"probes\": [" + PROBE + ", \"tolerance\": 200, \"frequency\": 2}]}")));
    assertThat(checkedActivities).hasSize(1);
  }

  /** A Java control declared by class in tests. */
  public static final class NoisyControl implements Control {}
}
