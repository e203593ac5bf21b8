package dev.chaos4j.cli.settings;

import dev.chaos4j.cli.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A settings file in a temporary directory and {@code chaos settings ...} runs against it. */
final class SettingsFixture {
  static final String SAMPLE =
      """
      runtime:
        rollbacks:
          strategy: never
      auths:
        example.com:
          type: bearer
          value: abc
        localhost:8081:
          type: basic
          value: xyz
      notifications:
      - type: http
        url: http://localhost/hook
        events: [run-failed, run-deviated, run-failed]
      owner: café
      nothing:
      """;

  final Path file;

  SettingsFixture(Path dir) {
    this.file = dir.resolve("settings.yaml");
  }

  SettingsFixture write(String yaml) {
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  String content() {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CliRunner.Result settings(String... args) {
    List<String> all =
        new ArrayList<>(List.of("--no-log-file", "--settings", file.toString(), "settings"));
    all.addAll(List.of(args));
    return CliRunner.chaos(all.toArray(String[]::new));
  }
}
