package dev.chaos4j.cli;

import static dev.chaos4j.cli.DiscoverCommandTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.value.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class InitCommandTest {
  /** The answers that produced the reference's example experiment from its example discovery. */
  private static final String REFERENCE_ANSWERS =
      String.join(
          "\n",
          "My experiment", // title
          "", // description: N/A
          "y", // a hypothesis
          "My hypothesis",
          "2", // probes: 1) count_items 2) service_is_up
          "http://127.0.0.1:8765/", // url
          "", // timeout: default 3.0
          "true", // tolerance
          "0", // no more probes
          "3", // method: 1) count_items 2) service_is_up 3) restart
          "svc-a", // name
          "", // force: default false
          "0", // no more method activities
          "n", // no rollbacks
          "");

  @TempDir Path dir;

  @BeforeEach
  void referenceDiscoveryDocument() throws Exception {
    Files.writeString(
        dir.resolve("discovery.json"), Json.pretty(resource("ctk-example-discovery.json")));
  }

  private CliRunner.Result init(String answers, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--no-log-file";
    all[1] = "--change-dir";
    all[2] = dir.toString();
    all[3] = "init";
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRunner.run(answers, all);
  }

  /** The reference's example output, with the tolerance typed instead of the string "true". */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> expectedExperiment() throws Exception {
    Map<String, Object> expected = resource("ctk-example-init-output.json");
    Map<String, Object> hypothesis = (Map<String, Object>) expected.get("steady-state-hypothesis");
    Map<String, Object> probe =
        (Map<String, Object>) ((List<Object>) hypothesis.get("probes")).get(0);
    assertThat(probe.get("tolerance")).as("the reference's quirk").isEqualTo("true");
    probe.put("tolerance", true);
    return expected;
  }

  private Object savedJson(String file) throws Exception {
    return Json.parse(Files.readString(dir.resolve(file)));
  }

  @Test
  void pipedAnswersBuildTheReferencesExampleWithATypedTolerance() throws Exception {
    CliRunner.Result result = init(REFERENCE_ANSWERS);

    assertThat(result.exitCode()).as(result.err()).isZero();
    Map<String, Object> expected = expectedExperiment();
    Object saved = savedJson("experiment.json");
    assertThat(saved).isEqualTo(expected);
    assertThat(List.copyOf(((Map<?, ?>) saved).keySet())).isEqualTo(List.copyOf(expected.keySet()));
    assertThat(Files.readString(dir.resolve("experiment.json"))).isEqualTo(Json.pretty(expected));
    assertThat(result.out())
        .contains("Experiment's title: ")
        .contains("Argument 'timeout' (number) [3.0]: ")
        .contains("Argument 'force' (boolean) [false]: ")
        .doesNotContain("'configuration'")
        .doesNotContain("Error:");
    assertThat(result.err()).contains("Experiment saved in " + dir.resolve("experiment.json"));
    assertThat(result.events()).containsExactly("init-started", "init-completed");
  }

  @Test
  void aYamlPathSavesYaml() throws Exception {
    CliRunner.Result result = init(REFERENCE_ANSWERS, "--experiment-path", "exp.yml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    String text = Files.readString(dir.resolve("exp.yml"));
    assertThat(text).startsWith("title: My experiment\n").contains("tolerance: true\n");
    Object loaded = new Yaml().load(text);
    assertThat(loaded).isEqualTo(expectedExperiment());
  }

  @Test
  void theEndOfTheInputStopsCleanlyWithoutWritingAFile() {
    CliRunner.Result result = init("My experiment\n\ny\n");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("Input ended before the experiment was complete: nothing was saved")
        .doesNotContain("Exception");
    assertThat(result.out()).endsWith("Hypothesis's title: " + System.lineSeparator());
    assertThat(dir.resolve("experiment.json")).doesNotExist();
    assertThat(result.events()).containsExactly("init-started", "init-failed");
  }

  @Test
  void unusableAnswersAreExplainedAndAskedAgain() throws Exception {
    String answers =
        String.join(
            "\n",
            "", // title is required
            "T",
            "D",
            "maybe", // not y/n
            "y",
            "H",
            "9", // out of range: 2 probes
            "two", // not a number
            "2",
            "http://x/",
            "fast", // not a number
            "5",
            "1.5", // floats are not tolerances
            "200",
            "0",
            "0",
            "n",
            "");

    CliRunner.Result result = init(answers);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Error: a title is required")
        .contains("Error: answer y or n")
        .contains("Error: '9' is not a number from 0 to 2")
        .contains("Error: 'two' is not a number from 0 to 2")
        .contains("Error: 'fast' is not a number")
        .contains("Error: a tolerance is an integer, a string, a boolean");
    Map<?, ?> experiment = (Map<?, ?>) savedJson("experiment.json");
    assertThat(experiment.get("title")).isEqualTo("T");
    assertThat(experiment.get("description")).isEqualTo("D");
    assertThat(experiment.get("method")).isEqualTo(List.of());
    Map<?, ?> probe =
        (Map<?, ?>)
            ((List<?>) ((Map<?, ?>) experiment.get("steady-state-hypothesis")).get("probes"))
                .get(0);
    assertThat(probe.get("tolerance")).isEqualTo(200);
    assertThat(((Map<?, ?>) probe.get("provider")).get("arguments"))
        .isEqualTo(Map.of("url", "http://x/", "timeout", 5.0));
  }

  @Test
  @SuppressWarnings("unchecked")
  void rollbacksOfferActionsAndInjectedOrNullDefaultArgumentsAreNotWritten() throws Exception {
    String answers =
        String.join(
            "\n",
            "T",
            "",
            "n", // no hypothesis
            "1", // method: count_items
            "[\"a\", \"b\"]",
            "0",
            "", // rollbacks: yes by default
            "1", // the only action: restart
            "${service}",
            "yes",
            "0",
            "");

    CliRunner.Result result = init(answers);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("1) restart (action, chaosfake.actions)");
    Map<String, Object> experiment = (Map<String, Object>) savedJson("experiment.json");
    assertThat(experiment).doesNotContainKey("steady-state-hypothesis");
    Map<String, Object> method = (Map<String, Object>) ((List<?>) experiment.get("method")).get(0);
    assertThat(((Map<?, ?>) method.get("provider")).get("arguments"))
        .isEqualTo(Map.of("names", List.of("a", "b")));
    Map<String, Object> rollback =
        (Map<String, Object>) ((List<?>) experiment.get("rollbacks")).get(0);
    assertThat(rollback.get("type")).isEqualTo("action");
    assertThat(((Map<?, ?>) rollback.get("provider")).get("arguments"))
        .isEqualTo(Map.of("name", "${service}", "force", true));
  }

  @Test
  void aMissingDiscoveryFileIsOneClearLine() throws Exception {
    Files.delete(dir.resolve("discovery.json"));

    CliRunner.Result result = init(REFERENCE_ANSWERS);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines())
        .singleElement()
        .asString()
        .endsWith(
            "discovery file "
                + dir.resolve("discovery.json")
                + " does not exist: run chaos discover first");
    assertThat(result.out()).isEmpty();
    assertThat(result.events()).containsExactly("init-started", "init-failed");
  }

  @Test
  void aDiscoveryFileThatIsNotJsonIsOneClearLine() throws Exception {
    Files.writeString(dir.resolve("other.json"), "{\"activities\": [");

    CliRunner.Result result = init(REFERENCE_ANSWERS, "--discovery-path", "other.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines())
        .singleElement()
        .asString()
        .contains("discovery file " + dir.resolve("other.json") + " is not valid JSON: ")
        .contains("(line 1, column ");
  }

  @Test
  void aDiscoveryDocumentWithoutActivitiesIsRefused() throws Exception {
    Files.writeString(dir.resolve("discovery.json"), "{\"activities\": []}");

    CliRunner.Result result = init(REFERENCE_ANSWERS);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("lists no activity: discover an extension that provides some");
  }

  @Test
  void anInitFromTheJavaDiscoveryOfTheFakeExtensionGivesTheSameExperiment() throws Exception {
    Files.delete(dir.resolve("discovery.json"));
    assertThat(
            CliRunner.run(
                    "", "--no-log-file", "--change-dir", dir.toString(), "discover", "chaosfake")
                .exitCode())
        .isZero();

    assertThat(init(REFERENCE_ANSWERS).exitCode()).isZero();
    assertThat(savedJson("experiment.json")).isEqualTo(expectedExperiment());
  }
}
