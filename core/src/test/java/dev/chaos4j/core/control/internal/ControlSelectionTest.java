package dev.chaos4j.core.control.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.control.Control.Level;
import dev.chaos4j.core.value.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlSelectionTest {
  private final Map<String, Object> experiment =
      json(
          """
          {"controls": [{"name": "tc1", "provider": {}},
                        {"name": "tc2", "provider": {}, "automatic": false},
                        {"name": "tc3", "provider": {}}],
           "method": []}
          """);
  private final List<Map<String, Object>> globals =
      List.of(
          json("{\"name\": \"g1\", \"provider\": {}}"),
          json("{\"name\": \"g2\", \"provider\": {}}"));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private static List<Object> names(List<Map<String, Object>> controls) {
    return controls.stream().map(c -> c.get("name")).toList();
  }

  private List<Object> select(Level level, Object context) {
    return names(ControlSelection.select(level, globals, experiment, context));
  }

  @Test
  void theExperimentLevelTakesGlobalsThenEveryTopLevelControl() {
    assertThat(select(Level.EXPERIMENT, experiment))
        .containsExactly("g1", "g2", "tc1", "tc2", "tc3");
  }

  @Test
  void methodAndRollbackLevelsTakeGlobalsThenAutomaticTopLevelControls() {
    assertThat(select(Level.METHOD, experiment)).containsExactly("g1", "g2", "tc1", "tc3");
    assertThat(select(Level.ROLLBACK, experiment)).containsExactly("g1", "g2", "tc1", "tc3");
  }

  @Test
  void anActivityGetsAutomaticTopLevelControlsThenItsOwnEachOnce() {
    Map<String, Object> activity =
        json(
            "{\"name\": \"a\", \"controls\": [{\"name\": \"lc1\", \"provider\": {}},"
                + " {\"name\": \"lc2\", \"provider\": {}}]}");
    // the reference prepends the top-level controls once per own control (tc1, tc3 twice here)
    assertThat(select(Level.ACTIVITY, activity))
        .containsExactly("g1", "g2", "tc1", "tc3", "lc1", "lc2");
  }

  @Test
  void anActivityWithoutControlsGetsGlobalsAndAutomaticTopLevelControls() {
    assertThat(select(Level.ACTIVITY, json("{\"name\": \"a\"}")))
        .containsExactly("g1", "g2", "tc1", "tc3");
    assertThat(select(Level.HYPOTHESIS, json("{\"title\": \"h\"}")))
        .containsExactly("g1", "g2", "tc1", "tc3");
  }

  @Test
  void aRefPullsTheNamedTopLevelControlAfterTheOwnOnesAndOnlyOnce() {
    Map<String, Object> activity =
        json(
            "{\"name\": \"a\", \"controls\": [{\"name\": \"r2\", \"ref\": \"tc2\"},"
                + " {\"name\": \"r1\", \"ref\": \"tc1\"}, {\"name\": \"lc1\", \"provider\": {}}]}");
    assertThat(select(Level.ACTIVITY, activity))
        .containsExactly("g1", "g2", "tc1", "tc3", "lc1", "tc2");
  }

  @Test
  void anOwnControlOfTheSameNameReplacesTheTopLevelOne() {
    Map<String, Object> activity =
        json("{\"name\": \"a\", \"controls\": [{\"name\": \"tc3\", \"provider\": {\"mine\": 1}}]}");
    List<Map<String, Object>> selected =
        ControlSelection.select(Level.ACTIVITY, globals, experiment, activity);
    assertThat(names(selected)).containsExactly("g1", "g2", "tc1", "tc3");
    assertThat(selected.get(3)).isSameAs(((List<?>) activity.get("controls")).get(0));
  }

  @Test
  void loadingTakesTheGlobalsOnly() {
    assertThat(names(ControlSelection.select(Level.LOADER, globals, null, "exp.json")))
        .containsExactly("g1", "g2");
  }

  @Test
  void anExperimentWithoutControlsKeepsTheGlobalsEverywhere() {
    Map<String, Object> bare = json("{\"method\": []}");
    for (Level level : List.of(Level.EXPERIMENT, Level.METHOD, Level.ACTIVITY)) {
      assertThat(names(ControlSelection.select(level, globals, bare, json("{\"name\": \"a\"}"))))
          .containsExactly("g1", "g2");
    }
  }
}
