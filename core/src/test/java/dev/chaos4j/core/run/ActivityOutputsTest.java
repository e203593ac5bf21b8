package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.value.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityOutputsTest {
  private final ActivityOutputs outputs = new ActivityOutputs();
  private final Map<String, Object> resolved = new LinkedHashMap<>();

  private void succeeded(String name, String outputJson) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("output", Json.parseTrusted(outputJson));
    record.put("status", "succeeded");
    outputs.record(name, record);
  }

  @Test
  void aWholePlaceholderKeepsTheValueType() {
    succeeded("create", "{\"body\": {\"id\": 7, \"tags\": [\"a\"], \"ok\": true}}");

    assertThat(outputs.substitute("${outputs.create.body.id}", resolved)).isEqualTo(7);
    assertThat(outputs.substitute("${outputs.create.body.ok}", resolved)).isEqualTo(true);
    assertThat(outputs.substitute("${outputs.create.body.tags}", resolved)).isEqualTo(List.of("a"));
    assertThat(outputs.substitute("${outputs.create}", resolved))
        .isEqualTo(Json.parseTrusted("{\"body\": {\"id\": 7, \"tags\": [\"a\"], \"ok\": true}}"));
  }

  @Test
  void anEmbeddedPlaceholderIsFormattedAsPythonStr() {
    succeeded("create", "{\"body\": {\"id\": 7, \"ok\": true, \"none\": null}}");

    assertThat(
            outputs.substitute(
                "id=${outputs.create.body.id} ok=${outputs.create.body.ok}"
                    + " none=${outputs.create.body.none} $keep ${other}",
                resolved))
        .isEqualTo("id=7 ok=True none=None $keep ${other}");
    assertThat(resolved).containsKeys("${outputs.create.body.id}", "${outputs.create.body.none}");
  }

  @Test
  void mapsAndListsAreSubstitutedThroughout() {
    succeeded("a", "{\"x\": 1}");

    Object out =
        outputs.substitute(
            Json.parseTrusted("{\"args\": [\"${outputs.a.x}\", {\"k\": \"${outputs.a.x}\"}]}"),
            resolved);

    assertThat(out).isEqualTo(Json.parseTrusted("{\"args\": [1, {\"k\": 1}]}"));
    assertThat(ActivityOutputs.mentions(Json.parseTrusted("{\"a\": [\"${outputs.a}\"]}"))).isTrue();
    assertThat(ActivityOutputs.mentions(Json.parseTrusted("{\"a\": [\"${a}\"]}"))).isFalse();
  }

  @Test
  void activityNamesWithDotsAreMatchedByTheLongestName() {
    succeeded("get", "{\"v\": \"short\"}");
    succeeded("get.user", "{\"v\": \"long\"}");

    assertThat(outputs.substitute("${outputs.get.user.v}", resolved)).isEqualTo("long");
    assertThat(outputs.substitute("${outputs.get.v}", resolved)).isEqualTo("short");
  }

  @Test
  void aFailedActivityHasNoOutput() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("output", null);
    record.put("status", "failed");
    outputs.record("create", record);

    assertThatThrownBy(() -> outputs.substitute("${outputs.create.body}", resolved))
        .isInstanceOf(ActivityFailed.class)
        .hasMessage(
            "no output named 'create' for ${outputs.create.body}: the activity 'create' failed");
  }

  @Test
  void pathErrorsSayWhereThePathBroke() {
    succeeded("list", "{\"items\": [1, 2], \"n\": null}");

    assertThatThrownBy(() -> outputs.substitute("${outputs.list.items.2}", resolved))
        .hasMessage(
            "cannot resolve ${outputs.list.items.2}: at 'outputs.list.items', it has no index '2'"
                + " (2 items)");
    assertThatThrownBy(() -> outputs.substitute("${outputs.list.n.x}", resolved))
        .hasMessage(
            "cannot resolve ${outputs.list.n.x}: at 'outputs.list.n', it is NoneType None, not a"
                + " dict or a list");
    assertThatThrownBy(() -> outputs.substitute("${outputs.nothing}", resolved))
        .hasMessageStartingWith("no output named 'nothing' for ${outputs.nothing}");
  }
}
