package dev.chaos4j.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  private Settings load(String yaml) throws Exception {
    Path file = dir.resolve("settings.yaml");
    Files.writeString(file, yaml);
    return Settings.load(file);
  }

  @Test
  void missingFileIsEmptySettings() {
    Settings settings = Settings.load(dir.resolve("nope/settings.yaml"));
    assertThat(settings.isEmpty()).isTrue();
    assertThat(settings.auths()).isEmpty();
    assertThat(settings.controls()).isEmpty();
    assertThat(settings.notifications()).isEmpty();
    assertThat(settings.runtime()).isEqualTo(RuntimeSettings.NONE);
  }

  @Test
  void emptyFileIsEmptySettings() throws Exception {
    assertThat(load("").raw()).isEmpty();
    assertThat(load("# only a comment\n").raw()).isEmpty();
  }

  @Test
  void defaultPathIsInTheUsersHome() {
    assertThat(Settings.defaultPath())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".chaostoolkit", "settings.yaml"));
  }

  @Test
  void unparseableFileNamesTheFileLineAndColumn() {
    assertThatThrownBy(() -> load("auths:\n  a: b\n c: d\n"))
        .isInstanceOf(InvalidSettings.class)
        .hasMessageStartingWith(
            "Failed parsing YAML settings file '"
                + dir.resolve("settings.yaml")
                + "' at line 3, column 2: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void pythonTagsAreRefused() {
    assertThatThrownBy(() -> load("x: !!python/object/apply:os.system ['true']\n"))
        .isInstanceOf(InvalidSettings.class)
        .hasMessageContaining("at line 1, column 4")
        .hasMessageNotContaining("\n");
  }

  @Test
  void topLevelMustBeAMapping() {
    assertThatThrownBy(() -> load("- a\n- b\n"))
        .isInstanceOf(InvalidSettings.class)
        .hasMessage(
            "Settings file '"
                + dir.resolve("settings.yaml")
                + "' must hold a mapping at its top level, not a list");
  }

  @Test
  void directoryIsReportedAsSuch() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("settings.yaml"));
    assertThatThrownBy(() -> Settings.load(sub))
        .isInstanceOf(InvalidSettings.class)
        .hasMessage("Settings file '" + sub + "' is a directory");
  }

  @Test
  void authsByHostAndPort() throws Exception {
    Settings settings =
        load(
            """
            auths:
              mydomain.com:
                type: basic
                value: XYZ
              localhost:8081:
                type: digest
                value: 42
            """);
    assertThat(settings.auths())
        .containsExactly(
            Map.entry("mydomain.com", new Auth("basic", "XYZ")),
            Map.entry("localhost:8081", new Auth("digest", "42")));
    assertThat(settings.authFor("localhost:8081").map(Auth::authorizationHeader))
        .contains("digest 42");
    assertThat(settings.authFor("localhost")).isEmpty();
  }

  @Test
  void authWithoutValueIsAClearError() throws Exception {
    Settings settings =
        load("auths:\n  good.com: {type: bearer, value: t}\n  bad.com: {type: bearer}\n");
    assertThat(settings.authFor("good.com")).isEqualTo(Optional.of(new Auth("bearer", "t")));
    assertThatThrownBy(() -> settings.authFor("bad.com"))
        .isInstanceOf(InvalidSettings.class)
        .hasMessageContaining("'auths.bad.com' needs both a 'type' and a 'value'");
    assertThatThrownBy(settings::auths).isInstanceOf(InvalidSettings.class);
  }

  @Test
  void authNeverPrintsItsValue() {
    assertThat(new Auth("bearer", "secret-token").toString()).doesNotContain("secret-token");
  }

  @Test
  void authsThatIsNotAMappingIsAClearError() throws Exception {
    assertThatThrownBy(() -> load("auths: [a, b]\n").auths())
        .isInstanceOf(InvalidSettings.class)
        .hasMessageEndingWith("'auths' must be a mapping, not a list");
  }

  @Test
  void controlsByName() throws Exception {
    Settings settings =
        load(
            """
            controls:
              tracing:
                provider:
                  type: python
                  module: chaostracing.control
              other:
                provider: {type: python, module: m}
            """);
    assertThat(settings.controls()).containsOnlyKeys("tracing", "other");
    assertThat(settings.controls().get("tracing").get("provider"))
        .isEqualTo(Map.of("type", "python", "module", "chaostracing.control"));
  }

  @Test
  void controlThatIsNotAMappingIsAClearError() throws Exception {
    assertThatThrownBy(() -> load("controls:\n  broken:\n").controls())
        .isInstanceOf(InvalidSettings.class)
        .hasMessageEndingWith("'controls.broken' must be a mapping, not null");
  }

  @Test
  void notificationsInOrder() throws Exception {
    Settings settings =
        load(
            """
            notifications:
              - type: http
                url: http://localhost/a
                events: [run-failed]
              - type: plugin
                module: m
            """);
    assertThat(settings.notifications())
        .extracting(c -> c.get("type"))
        .containsExactly("http", "plugin");
  }

  @Test
  void notificationThatIsNotAMappingIsAClearError() throws Exception {
    assertThatThrownBy(() -> load("notifications: [http]\n").notifications())
        .isInstanceOf(InvalidSettings.class)
        .hasMessageEndingWith("'notifications[0]' must be a mapping, not a str");
    assertThatThrownBy(() -> load("notifications: {a: b}\n").notifications())
        .isInstanceOf(InvalidSettings.class)
        .hasMessageEndingWith("'notifications' must be a list of channels, not a dict");
  }

  @Test
  void runtimeStrategies() throws Exception {
    assertThat(load("runtime:\n  rollbacks:\n    strategy: never\n").runtime())
        .isEqualTo(new RuntimeSettings(null, "never"));
    assertThat(
            load("runtime:\n  hypothesis: {strategy: continuously}\n  rollbacks: {strategy: always}\n")
                .runtime())
        .isEqualTo(new RuntimeSettings("continuously", "always"));
    assertThat(load("runtime:\n").runtime()).isEqualTo(RuntimeSettings.NONE);
  }

  @Test
  void runtimeBlockThatIsNotAMappingIsAClearError() throws Exception {
    assertThatThrownBy(() -> load("runtime:\n  rollbacks: never\n").runtime())
        .isInstanceOf(InvalidSettings.class)
        .hasMessageEndingWith("'runtime.rollbacks' must be a mapping, not a str");
  }

  @Test
  void valuesKeepTheirYamlTypes() throws Exception {
    Settings settings =
        load(
            "i: 1\nbig: 12345678901234567890\nf: 1.5\nb: yes\nn: ~\nd: 2024-05-01\ns: '1'\n1: one\n");
    assertThat(settings.raw())
        .containsExactly(
            Map.entry("i", 1),
            Map.entry("big", new java.math.BigInteger("12345678901234567890")),
            Map.entry("f", 1.5),
            Map.entry("b", true),
            new java.util.AbstractMap.SimpleEntry<>("n", null),
            Map.entry("d", "2024-05-01"),
            Map.entry("s", "1"),
            Map.entry("1", "one"));
  }

  @Test
  void saveThenLoadGivesTheSameDocument() throws Exception {
    Settings settings =
        load(
            """
            runtime:
              rollbacks:
                strategy: never
            auths:
              example.com: {type: bearer, value: "t:k"}
            notifications:
            - type: http
              url: http://x
              events: [run-failed, run-deviated]
            when: 2024-05-01
            text: "caf\\u00e9\\nline"
            nothing: null
            empty: {}
            """);
    Path copy = dir.resolve("copy.yaml");
    settings.save(copy);
    assertThat(Settings.load(copy).raw()).isEqualTo(settings.raw());
  }

  @Test
  void saveWritesSortedBlockYaml() throws Exception {
    Settings settings = load("b: 1\na:\n  d: [x, y]\n  c: 2\n");
    Path out = dir.resolve("out.yaml");
    settings.save(out);
    assertThat(Files.readString(out)).isEqualTo("a:\n  c: 2\n  d:\n  - x\n  - y\nb: 1\n");
  }

  @Test
  void saveCreatesMissingDirectoriesAndLeavesNoTemporaryFile() {
    Path target = dir.resolve("a/b/.chaostoolkit/settings.yaml");
    Settings.of(new java.util.LinkedHashMap<>(Map.of("k", "v"))).save(target);
    assertThat(target).hasContent("k: v");
    assertThat(target.getParent())
        .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
  }

  @Test
  void saveKeepsThePermissionsOfAnExistingFile() throws Exception {
    Path file = dir.resolve("settings.yaml");
    Files.writeString(file, "k: v\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Settings.load(file).save(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void newFileIsReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("new.yaml");
    Settings.empty().save(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void saveThroughASymbolicLinkReplacesItsTarget() throws Exception {
    Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("settings.yaml");
    Files.writeString(real, "k: old\n");
    Path link =
        Files.createSymbolicLink(dir.resolve("settings.yaml"), Path.of("dotfiles/settings.yaml"));
    Settings settings = Settings.load(link);
    settings.raw().put("k", "new");
    settings.save(link);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("k: new");
  }

  @Test
  void failedSaveIsAClearErrorAndLeavesNoTemporaryFile() throws Exception {
    // a non-empty directory where the file should be: the final rename fails, even for root
    Path target = Files.createDirectory(dir.resolve("settings.yaml"));
    Files.writeString(target.resolve("keep"), "x");
    Settings settings = Settings.of(new java.util.LinkedHashMap<>(Map.of("k", "v")));
    assertThatThrownBy(() -> settings.save(target))
        .isInstanceOf(InvalidSettings.class)
        .hasMessage("cannot write settings file " + target + ": it is a directory");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    assertThat(target.resolve("keep")).hasContent("x");
  }

  @Test
  void rawIsLiveAndSavedAsChanged() throws Exception {
    Settings settings = load("notifications: []\n");
    SettingsKeys.set(settings.raw(), "notifications", List.of(Map.of("type", "http")));
    Path file = dir.resolve("settings.yaml");
    settings.save(file);
    assertThat(Settings.load(file).notifications()).containsExactly(Map.of("type", "http"));
  }
}
