package dev.chaos4j.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetSettingTest {
  @TempDir Path dir;
  SettingsFixture f;

  @BeforeEach
  void sample() {
    f = new SettingsFixture(dir).write(SettingsFixture.SAMPLE);
  }

  private String get(String... args) {
    CliRunner.Result run = f.settings(concat("get", args));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    return run.out();
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void yamlIsTheDefault() {
    assertThat(get("auths.example\\.com")).isEqualTo("type: bearer\nvalue: abc\n\n");
  }

  @Test
  void yamlOfAPlainScalarEndsWithTheDocumentMarker() {
    assertThat(get("--format", "yaml", "runtime.rollbacks.strategy")).isEqualTo("never\n...\n\n");
  }

  @Test
  void jsonIsIndentedAndAsciiOnly() {
    assertThat(get("--format", "json", "auths.localhost:8081"))
        .isEqualTo("{\n  \"type\": \"basic\",\n  \"value\": \"xyz\"\n}\n");
    assertThat(get("--format", "json", "owner")).isEqualTo("\"caf\\u00e9\"\n");
    assertThat(get("--format", "json", "nothing")).isEqualTo("null\n");
  }

  @Test
  void stringIsPythonStr() {
    assertThat(get("--format", "string", "owner")).isEqualTo("café\n");
    assertThat(get("--format", "string", "auths.example\\.com"))
        .isEqualTo("{'type': 'bearer', 'value': 'abc'}\n");
    assertThat(get("--format", "string", "nothing")).isEqualTo("None\n");
  }

  @Test
  void indexesSelectListElements() {
    assertThat(get("--format", "string", "notifications[0].events[1]")).isEqualTo("run-deviated\n");
    assertThat(get("--format", "json", "notifications[0].events"))
        .isEqualTo("[\n  \"run-failed\",\n  \"run-deviated\",\n  \"run-failed\"\n]\n");
  }

  @Test
  void missingKeyIsOneLineAndExitCode1() {
    for (String key :
        new String[] {"auths.example.com", "notifications[1]", "runtime.hypothesis", "owner.x"}) {
      CliRunner.Result run = f.settings("get", key);
      assertThat(run.exitCode()).as(key).isEqualTo(1);
      assertThat(run.out()).as(key).isEmpty();
      assertThat(run.err().lines()).as(key).hasSize(1);
      assertThat(run.err())
          .as(key)
          .contains("ERROR] No entry at key '" + key + "' in settings file " + f.file);
    }
  }

  @Test
  void missingFileIsOneLineAndExitCode1() {
    SettingsFixture none = new SettingsFixture(dir.resolve("elsewhere"));
    CliRunner.Result run = none.settings("get", "auths");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("No settings file found at " + none.file);
  }

  @Test
  void missingKeyArgumentOrUnknownFormatIsAUsageError() {
    assertThat(f.settings("get").exitCode()).isEqualTo(2);
    CliRunner.Result run = f.settings("get", "--format", "toml", "owner");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected one of [string, json, yaml]");
  }
}
