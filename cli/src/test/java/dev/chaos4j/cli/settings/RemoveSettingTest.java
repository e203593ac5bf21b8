package dev.chaos4j.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.CliRunner;
import dev.chaos4j.core.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveSettingTest {
  @TempDir Path dir;
  SettingsFixture f;

  @BeforeEach
  void sample() {
    f = new SettingsFixture(dir).write(SettingsFixture.SAMPLE);
  }

  private void remove(String key) {
    CliRunner.Result run = f.settings("remove", key);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void keyIsRemovedWithItsChildren() {
    remove("auths.localhost:8081");
    remove("runtime");
    Settings after = Settings.load(f.file);
    assertThat(after.auths()).containsOnlyKeys("example.com");
    assertThat(after.raw()).doesNotContainKey("runtime");
    assertThat(after.raw()).containsKeys("notifications", "owner", "nothing");
  }

  @Test
  void listElementIsRemovedAtItsIndex() {
    // the reference removes the first equal element instead (list.remove(value)); here: the one
    // named
    remove("notifications[0].events[2]");
    remove("notifications[0].events[0]");
    Map<String, Object> channel = Settings.load(f.file).notifications().get(0);
    assertThat(channel.get("events")).isEqualTo(List.of("run-deviated"));
  }

  @Test
  void missingKeyIsOneLineAndLeavesTheFileUntouched() {
    CliRunner.Result run = f.settings("remove", "notifications[3]");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("No entry at key 'notifications[3]' in settings file " + f.file);
    assertThat(f.content()).isEqualTo(SettingsFixture.SAMPLE);
  }

  @Test
  void missingFileIsExitCode1() {
    SettingsFixture none = new SettingsFixture(dir.resolve("elsewhere"));
    CliRunner.Result run = none.settings("remove", "owner");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("No settings file found at " + none.file);
  }

  @Test
  void missingKeyArgumentIsAUsageError() {
    assertThat(f.settings("remove").exitCode()).isEqualTo(2);
  }
}
