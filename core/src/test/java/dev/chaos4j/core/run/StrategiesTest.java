package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ChaosException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategiesTest {
  private static final Map<String, Object> SETTINGS =
      Map.of(
          "runtime",
          Map.of(
              "hypothesis", Map.of("strategy", "after-method-only"),
              "rollbacks", Map.of("strategy", "always")));

  @Test
  void defaultsWithoutAnyRuntimeBlock() {
    assertThat(Strategies.hypothesis(null, Map.of(), Map.of()))
        .isEqualTo(HypothesisStrategy.DEFAULT);
    assertThat(Strategies.rollbackName(null, Map.of(), Map.of())).isEqualTo("default");
  }

  @Test
  void settingsApplyWhenTheExperimentHasNoRuntimeBlock() {
    assertThat(Strategies.hypothesis(null, Map.of(), SETTINGS))
        .isEqualTo(HypothesisStrategy.AFTER_METHOD_ONLY);
    assertThat(Strategies.rollbackName(null, Map.of(), SETTINGS)).isEqualTo("always");
  }

  @Test
  void anExperimentRuntimeBlockReplacesTheSettingsOneAsAWhole() {
    Map<String, Object> experiment =
        Map.of("runtime", Map.of("hypothesis", Map.of("strategy", "continuously")));
    assertThat(Strategies.hypothesis(null, experiment, SETTINGS))
        .isEqualTo(HypothesisStrategy.CONTINUOUSLY);
    // the reference's quirk: the settings' rollback strategy is not consulted any more
    assertThat(Strategies.rollbackName(null, experiment, SETTINGS)).isEqualTo("default");
  }

  @Test
  void theFlagWinsOverEverything() {
    Map<String, Object> experiment =
        Map.of("runtime", Map.of("rollbacks", Map.of("strategy", "never")));
    assertThat(Strategies.rollbackName("deviated", experiment, SETTINGS)).isEqualTo("deviated");
    assertThat(Strategies.hypothesis("continously", experiment, SETTINGS))
        .isEqualTo(HypothesisStrategy.CONTINUOUSLY);
  }

  @Test
  void skipIsReachableOnlyThroughARuntimeBlockAndUnknownNamesAreErrors() {
    Map<String, Object> skip = Map.of("runtime", Map.of("hypothesis", Map.of("strategy", "skip")));
    assertThat(Strategies.hypothesis(null, skip, Map.of())).isEqualTo(HypothesisStrategy.SKIP);
    Map<String, Object> bad = Map.of("runtime", Map.of("hypothesis", Map.of("strategy", "often")));
    assertThatThrownBy(() -> Strategies.hypothesis(null, bad, Map.of()))
        .isInstanceOf(ChaosException.class)
        .hasMessageContaining("'often'");
  }

  @Test
  void unknownRollbackNamesPlayNoRollback() {
    assertThat(Strategies.rollback("sometimes")).isNull();
    assertThat(Strategies.rollback("always")).isEqualTo(RollbackStrategy.ALWAYS);
  }

  @Test
  void extensionsAreOffUnlessAFlagOrARuntimeKeyTurnsThemOn() {
    Map<String, Object> on = Map.of("runtime", Map.of("outputs", true));
    assertThat(Strategies.enabled(false, "outputs", Map.of(), Map.of())).isFalse();
    assertThat(Strategies.enabled(true, "outputs", Map.of(), Map.of())).isTrue();
    assertThat(Strategies.enabled(false, "outputs", on, Map.of())).isTrue();
    assertThat(Strategies.enabled(false, "outputs", Map.of(), on)).isTrue();
    // the experiment's block replaces the settings' one, as for the strategies
    assertThat(Strategies.enabled(false, "outputs", Map.of("runtime", Map.of()), on)).isFalse();
  }

  @Test
  void anExtensionSwitchThatIsNotABooleanIsAClearError() {
    assertThatThrownBy(
            () ->
                Strategies.enabled(
                    false,
                    "fail_on_activity_failure",
                    Map.of("runtime", Map.of("fail_on_activity_failure", "yes")),
                    Map.of()))
        .isInstanceOf(ChaosException.class)
        .hasMessage("runtime key 'fail_on_activity_failure' must be true or false, not 'yes'");
  }
}
