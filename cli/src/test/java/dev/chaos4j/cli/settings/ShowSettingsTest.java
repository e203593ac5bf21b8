package dev.chaos4j.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowSettingsTest {
  @TempDir Path dir;

  @Test
  void yamlIsTheDefaultWithSortedKeysAndATrailingEmptyLine() {
    SettingsFixture f = new SettingsFixture(dir).write(SettingsFixture.SAMPLE);
    CliRunner.Result run = f.settings("show");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            auths:
              example.com:
                type: bearer
                value: abc
              localhost:8081:
                type: basic
                value: xyz
            nothing: null
            notifications:
            - events:
              - run-failed
              - run-deviated
              - run-failed
              type: http
              url: http://localhost/hook
            owner: "caf\\xe9"
            runtime:
              rollbacks:
                strategy: never

            """);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonKeepsTheFileOrderAndEscapesNonAscii() {
    SettingsFixture f =
        new SettingsFixture(dir).write("b: 1\na: {x: [true, null, 1.5]}\nc: café\n");
    CliRunner.Result run = f.settings("show", "--format", "json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            {
              "b": 1,
              "a": {
                "x": [
                  true,
                  null,
                  1.5
                ]
              },
              "c": "caf\\u00e9"
            }
            """);
  }

  @Test
  void explicitYamlFormat() {
    SettingsFixture f = new SettingsFixture(dir).write("k: v\n");
    assertThat(f.settings("show", "--format", "yaml").out()).isEqualTo("k: v\n\n");
  }

  @Test
  void emptyFileShowsAnEmptyMapping() {
    SettingsFixture f = new SettingsFixture(dir).write("");
    assertThat(f.settings("show").out()).isEqualTo("{}\n\n");
    assertThat(f.settings("show", "--format", "json").out()).isEqualTo("{}\n");
  }

  @Test
  void missingFileIsOneLineAndExitCode1() {
    // deliberate difference: the reference crashes here (click.abort does not exist)
    SettingsFixture f = new SettingsFixture(dir);
    CliRunner.Result run = f.settings("show");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("ERROR] No settings file found at " + f.file);
  }

  @Test
  void unparseableFileIsOneLineNamingTheFileAndPosition() {
    SettingsFixture f = new SettingsFixture(dir).write("auths:\n  a: [1, 2\n");
    CliRunner.Result run = f.settings("show");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("Failed parsing YAML settings file '" + f.file + "' at line 3, column 1: ");
  }

  @Test
  void unknownFormatIsAUsageError() {
    SettingsFixture f = new SettingsFixture(dir).write("k: v\n");
    CliRunner.Result run = f.settings("show", "--format", "xml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected one of [json, yaml]");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void settingsWithoutSubCommandPrintsTheHelp() {
    CliRunner.Result run = new SettingsFixture(dir).settings();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: chaos settings")
        .contains("show", "get", "set", "remove");
  }
}
