package dev.chaos4j.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.CliRunner;
import dev.chaos4j.core.settings.Settings;
import dev.chaos4j.core.settings.SettingsKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetSettingTest {
  @TempDir Path dir;
  SettingsFixture f;

  @BeforeEach
  void sample() {
    f = new SettingsFixture(dir).write(SettingsFixture.SAMPLE);
  }

  private Object valueAt(String key) {
    return SettingsKeys.get(Settings.load(f.file).raw(), key);
  }

  private void set(String key, String json) {
    CliRunner.Result run = f.settings("set", key, json);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void valueIsReadAsJson() {
    set("auths.example\\.com.value", "\"new-token\"");
    set("runtime", "{\"rollbacks\": {\"strategy\": \"always\"}, \"hypothesis\": null}");
    set("owner", "[1, 2.5, true]");
    set("nothing", "-1");
    assertThat(valueAt("auths.example\\.com"))
        .isEqualTo(Map.of("type", "bearer", "value", "new-token"));
    assertThat(Settings.load(f.file).runtime().rollbacksStrategy()).isEqualTo("always");
    assertThat(valueAt("owner")).isEqualTo(List.of(1, 2.5, true));
    assertThat(valueAt("nothing")).isEqualTo(-1);
  }

  @Test
  void listElementIsReplaced() {
    set("notifications[0].events[2]", "\"run-completed\"");
    assertThat(valueAt("notifications[0].events"))
        .isEqualTo(List.of("run-failed", "run-deviated", "run-completed"));
  }

  @Test
  void otherEntriesAreKeptAndTheFileIsRewrittenAsSortedYaml() throws Exception {
    set("runtime.rollbacks.strategy", "\"always\"");
    assertThat(f.content()).startsWith("auths:\n  example.com:\n").contains("strategy: always\n");
    Path copy = dir.resolve("before.yaml");
    Files.writeString(copy, SettingsFixture.SAMPLE);
    Map<String, Object> before = Settings.load(copy).raw();
    SettingsKeys.set(before, "runtime.rollbacks.strategy", "always");
    assertThat(Settings.load(f.file).raw()).isEqualTo(before);
  }

  @Test
  void missingKeyIsOneLineAndLeavesTheFileUntouched() {
    CliRunner.Result run =
        f.settings("set", "auths.other\\.org", "{\"type\": \"bearer\", \"value\": \"t\"}");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("No entry at key 'auths.other\\.org' in settings file " + f.file);
    assertThat(f.content()).isEqualTo(SettingsFixture.SAMPLE);
  }

  @Test
  void invalidJsonIsOneLineWithAHintAndLeavesTheFileUntouched() {
    CliRunner.Result run = f.settings("set", "owner", "bob");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("Invalid JSON value 'bob': ")
        .contains("at line 1, column 4")
        .contains("a string must be quoted, e.g. '\"bob\"'");
    assertThat(f.content()).isEqualTo(SettingsFixture.SAMPLE);

    CliRunner.Result truncated = f.settings("set", "owner", "{\"a\": ");
    assertThat(truncated.exitCode()).isEqualTo(1);
    assertThat(truncated.err()).contains("Invalid JSON value '{\"a\": '").doesNotContain("quoted");
  }

  @Test
  void missingFileIsExitCode1AndCreatesNothing() {
    SettingsFixture none = new SettingsFixture(dir.resolve("elsewhere"));
    CliRunner.Result run = none.settings("set", "owner", "\"bob\"");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("No settings file found at " + none.file);
    assertThat(Files.exists(none.file.getParent())).isFalse();
  }

  @Test
  void missingValueIsAUsageError() {
    CliRunner.Result run = f.settings("set", "owner");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("VALUE");
  }
}
