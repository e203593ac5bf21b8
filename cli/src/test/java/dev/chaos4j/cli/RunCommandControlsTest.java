package dev.chaos4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.testext.FileLogControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chaos run} with global controls from the settings and from control files. */
class RunCommandControlsTest {
  @TempDir Path dir;

  private String provider(String tag) {
    return "{\"type\": \"java\", \"class\": \""
        + FileLogControl.class.getName()
        + "\", \"arguments\": {\"tag\": \""
        + tag
        + "\", \"log\": \""
        + dir.resolve("events.txt")
        + "\"}}";
  }

  private CliRunner.Result chaos(String... args) throws Exception {
    Files.writeString(
        dir.resolve("settings.yaml"),
        "controls:\n  from-settings:\n    provider: " + provider("settings") + "\n");
    Files.writeString(
        dir.resolve("experiment.json"),
        "{\"title\": \"t\", \"description\": \"d\", \"controls\": [{\"name\": \"own\","
            + " \"provider\": "
            + provider("experiment")
            + "}], \"method\": [{\"type\": \"action\", \"name\": \"a\", \"provider\":"
            + " {\"type\": \"process\", \"path\": \"true\"}}]}");
    String[] all = new String[args.length + 6];
    all[0] = "--no-log-file";
    all[1] = "--change-dir";
    all[2] = dir.toString();
    all[3] = "--settings";
    all[4] = dir.resolve("settings.yaml").toString();
    all[5] = "run";
    System.arraycopy(args, 0, all, 6, args.length);
    return CliRunner.run("", all);
  }

  private List<String> events() throws Exception {
    return Files.readAllLines(dir.resolve("events.txt"));
  }

  @Test
  void settingsThenControlFilesThenTheExperimentInThatOrder() throws Exception {
    Files.writeString(
        dir.resolve("controls.json"), "{\"from-file\": {\"provider\": " + provider("file") + "}}");

    CliRunner.Result result = chaos("--control-file", "controls.json", "experiment.json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("does not apply them");
    assertThat(events())
        .startsWith(
            "settings before loader",
            "file before loader",
            "settings after loader",
            "file after loader",
            "settings before experiment",
            "file before experiment",
            "experiment before experiment")
        .contains("settings before activity", "file after activity", "experiment after activity")
        .endsWith(
            "settings after experiment", "file after experiment", "experiment after experiment");
  }

  @Test
  void aMissingControlFileIsAUsageError() throws Exception {
    CliRunner.Result result = chaos("--control-file", "nowhere.yaml", "experiment.json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("journal.json")).doesNotExist();
  }

  @Test
  void anUnreadableControlFileIsOneLineAndNoRun() throws Exception {
    Files.writeString(dir.resolve("controls.yaml"), "a: [unclosed\n");

    CliRunner.Result result = chaos("--control-file", "controls.yaml", "experiment.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Failed parsing YAML control file").doesNotContain("\tat ");
    assertThat(dir.resolve("journal.json")).doesNotExist();
  }
}
