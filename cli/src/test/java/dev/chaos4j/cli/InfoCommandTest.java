package dev.chaos4j.cli;

import static dev.chaos4j.cli.CliRunner.chaos;
import static dev.chaos4j.core.testing.ExtensionJars.registering;
import static dev.chaos4j.core.testing.ExtensionJars.withContextClassLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
  @TempDir Path dir;

  private CliRunner.Result info(String target) {
    return chaos(
        "--no-log-file", "--settings", dir.resolve("settings.yaml").toString(), "info", target);
  }

  @Test
  void coreShowsTheVersionsTable() {
    CliRunner.Result run = info("core");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "NAME                VERSION   ",
            String.format("%-20s%-10s", "chaos4j", Version.chaos4j()),
            "CLI                 " + Version.COMPATIBLE_CLI + "    ",
            "Core library        " + Version.COMPATIBLE_LIB + "    ",
            String.format("%-20s%-10s", "Java", System.getProperty("java.runtime.version")));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void settingsPrintsTheFileAsIs() throws IOException {
    String content = "# my settings\nauths:\n  example.com: {type: bearer, value: t}\n";
    Files.writeString(dir.resolve("settings.yaml"), content);
    CliRunner.Result run = info("settings");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(content + System.lineSeparator());
  }

  @Test
  void settingsWithoutAFileSaysSoAndSucceedsAsTheReference() {
    CliRunner.Result run = info("settings");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "No settings file found at " + dir.resolve("settings.yaml") + System.lineSeparator());
  }

  @Test
  void unknownTargetIsAUsageError() {
    CliRunner.Result run = info("plugins");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected one of [core, settings, extensions]");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void extensionsWithNoneInstalledSaysSo() throws Exception {
    try (URLClassLoader empty =
        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      CliRunner.Result run = withContextClassLoader(empty, () -> info("extensions"));
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo("No extensions installed." + System.lineSeparator());
    }
  }

  @Test
  void extensionsListsNameVersionFunctionCountAndModulesSortedByName() {
    CliRunner.Result run = info("extensions");
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines)
        .startsWith("NAME                                    VERSION   FUNCTIONS MODULES")
        .contains(
            String.format(
                "%-40s%-10s%-10s%s",
                "chaostoolkit-fake", "0.1.0", "3", "chaosfake.actions, chaosfake.probes"));
    assertThat(lines.subList(1, lines.size()))
        .as("the extensions of the test class path, by name")
        .hasSizeGreaterThan(1)
        .isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void extensionThatCannotBeLoadedIsReportedAndSkipped() throws Exception {
    try (URLClassLoader loader = registering(dir, "dev.chaos4j.cli.NoSuchExtension")) {
      CliRunner.Result run = withContextClassLoader(loader, () -> info("extensions"));
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("chaostoolkit-fake");
      assertThat(run.err())
          .contains("WARNING")
          .contains("Skipping an extension that cannot be loaded")
          .contains("dev.chaos4j.cli.NoSuchExtension");
    }
  }
}
