package dev.chaos4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.value.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverCommandTest {
  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  static Map<String, Object> resource(String name) throws Exception {
    try (InputStream in = DiscoverCommandTest.class.getResourceAsStream("/reference/" + name)) {
      return (Map<String, Object>)
          Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private CliRunner.Result discover(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--no-log-file";
    all[1] = "--change-dir";
    all[2] = dir.toString();
    all[3] = "discover";
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRunner.run("", all);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> saved(String file) throws Exception {
    String text = Files.readString(dir.resolve(file));
    Map<String, Object> doc = (Map<String, Object>) Json.parse(text);
    assertThat(text).as("Python-style indent 2").isEqualTo(Json.pretty(doc));
    return doc;
  }

  @Test
  void namedExtensionIsSavedInTheWorkingDirectoryWithTheReferencesShape() throws Exception {
    CliRunner.Result result = discover("chaostoolkit-fake");

    assertThat(result.exitCode()).isZero();
    Map<String, Object> expected = resource("ctk-example-discovery.json");
    Map<String, Object> doc = saved("discovery.json");
    assertThat(doc.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(doc.get("target")).isEqualTo("fake");
    assertThat(doc.get("extension")).isEqualTo(expected.get("extension"));
    assertThat(doc.get("activities")).isEqualTo(expected.get("activities"));
    assertThat(doc.get("system")).isEqualTo(expected.get("system"));
    assertThat(List.copyOf(((Map<?, ?>) doc.get("platform")).keySet()))
        .isEqualTo(List.copyOf(((Map<?, ?>) expected.get("platform")).keySet()));
    assertThat(result.err())
        .contains("Discovering capabilities from chaostoolkit-fake 0.1.0")
        .contains("Discovery outcome saved in " + dir.resolve("discovery.json"));
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").containsExactly(dir.resolve("discovery.json"));
    }
  }

  @Test
  void aModulePrefixSelectsTheExtensionAndNoSystemInfoLeavesSystemNull() throws Exception {
    Files.createDirectory(dir.resolve("out"));

    CliRunner.Result result =
        discover("--no-system-info", "--discovery-path", "out/fake.json", "chaosfake");

    assertThat(result.exitCode()).isZero();
    Map<String, Object> doc = saved("out/fake.json");
    assertThat(doc.get("extension"))
        .isEqualTo(Map.of("name", "chaostoolkit-fake", "version", "0.1.0"));
    assertThat(doc).containsEntry("system", null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void withoutANameEveryInstalledFunctionIsDiscoveredUnderChaos4j() throws Exception {
    CliRunner.Result result = discover();

    assertThat(result.exitCode()).isZero();
    Map<String, Object> doc = saved("discovery.json");
    assertThat(doc.get("target")).isEqualTo("chaos4j");
    assertThat(((Map<String, Object>) doc.get("extension")).get("name")).isEqualTo("chaos4j");
    assertThat((List<Map<String, Object>>) doc.get("activities"))
        .extracting(a -> a.get("mod") + "." + a.get("name"))
        .contains(
            "chaosfake.probes.count_items",
            "chaosfake.probes.service_is_up",
            "chaosfake.actions.restart");
    assertThat((Map<String, Object>) doc.get("system"))
        .containsEntry("chaostoolkit-fake", Map.of("nodes", 1));
  }

  @Test
  void anUnknownNameFailsWithOneLineListingTheInstalledExtensions() {
    CliRunner.Result result = discover("chaostoolkit-nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines().filter(l -> l.contains("ERROR")))
        .singleElement()
        .asString()
        .contains("no installed extension is named 'chaostoolkit-nope'")
        .contains("chaostoolkit-fake (chaosfake)");
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("discovery.json")).doesNotExist();
    assertThat(result.events()).containsExactly("discovery-started", "discovery-failed");
  }

  @Test
  void successEmitsStartedThenCompleted() {
    CliRunner.Result result = discover("--no-install", "chaosfake");

    assertThat(result.events()).containsExactly("discovery-started", "discovery-completed");
  }

  @Test
  void onlyANamedDiscoveryWithoutNoInstallSaysThatNothingIsInstalled() {
    assertThat(discover("--no-install", "chaosfake").err()).doesNotContain("Nothing to install");
    assertThat(discover().err()).doesNotContain("Nothing to install");
    assertThat(discover("chaosfake").err())
        .contains("Nothing to install: Java extensions are found on chaos4j's classpath");
  }

  @Test
  void missingDirectoriesOfTheDiscoveryPathAreCreated() {
    CliRunner.Result result = discover("--discovery-path", "missing/d.json", "chaosfake");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(dir.resolve("missing/d.json")).isRegularFile();
  }

  @Test
  void aDiscoveryPathThatIsADirectoryIsOneClearLine() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("taken.json"));
    CliRunner.Result result = discover("--discovery-path", "taken.json", "chaosfake");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "cannot write discovery file " + dir.resolve("taken.json") + ": it is a directory");
  }

  @Test
  void anExistingDiscoveryFileIsReplaced() throws Exception {
    Files.writeString(dir.resolve("discovery.json"), "{\"old\": true}");

    assertThat(discover("chaosfake").exitCode()).isZero();
    assertThat(saved("discovery.json")).containsEntry("target", "fake");
  }
}
