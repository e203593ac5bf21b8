package dev.chaos4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.testing.FakeVault;
import dev.chaos4j.core.testing.LogCapture;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole experiments, after the conformance cases recorded from the reference. */
class RunConfigurationTest {
  private static final DynamicValueRunner NO_PROBES =
      (probe, configuration, secrets) -> {
        throw new AssertionError("no probe expected");
      };

  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> experiment(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private static String title(Map<String, Object> experiment, RunConfiguration loaded) {
    return (String)
        Substitution.apply(experiment.get("title"), loaded.configuration(), loaded.secrets());
  }

  @Test
  void titleUsesTheEnvironmentOrTheDefault() {
    Map<String, Object> experiment =
        experiment(
            "{\"title\": \"${project_name}: do cats live in the Internet?\","
                + " \"configuration\": {\"project_name\": {\"type\": \"env\","
                + " \"key\": \"PROJECT_NAME\", \"default\": \"Cats in space\"}}, \"method\": []}");

    RunConfiguration withDefault =
        RunConfiguration.load(experiment, Variables.none(), Map.of(), NO_PROBES);
    RunConfiguration fromEnvironment =
        RunConfiguration.load(
            experiment, Variables.none(), Map.of("PROJECT_NAME", "Dogs"), NO_PROBES);

    assertThat(title(experiment, withDefault))
        .isEqualTo("Cats in space: do cats live in the Internet?");
    assertThat(title(experiment, fromEnvironment)).isEqualTo("Dogs: do cats live in the Internet?");
  }

  @Test
  void undeclaredVarLeavesThePlaceholderLiteral() {
    Map<String, Object> experiment =
        experiment(
            "{\"title\": \"Run for ${who} ${x}\", \"configuration\": {\"who\": \"team-x\"}}");

    RunConfiguration loaded =
        RunConfiguration.load(
            experiment, Variables.load(List.of("x=1"), List.of()), Map.of(), NO_PROBES);

    assertThat(title(experiment, loaded)).isEqualTo("Run for team-x ${x}");
  }

  @Test
  void dotenvVarFileProvidesAnEnvironmentKeyThatValidationWithoutItLacks() throws IOException {
    Map<String, Object> experiment =
        experiment(
            "{\"configuration\": {\"msg\": {\"type\": \"env\", \"key\": \"CTK_FROM_DOTENV\"}}}");
    Path env =
        Files.writeString(dir.resolve("cfg.vars.env"), "# comment\nCTK_FROM_DOTENV=dotenv-value\n");

    assertThatThrownBy(() -> RunConfiguration.validate(experiment, Variables.none(), Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Configuration makes reference to an environment key that does not exist:"
                + " CTK_FROM_DOTENV");
    RunConfiguration loaded =
        RunConfiguration.load(
            experiment, Variables.load(List.of(), List.of(env)), Map.of(), NO_PROBES);
    assertThat(loaded.configuration()).containsEntry("msg", "dotenv-value");
  }

  @Test
  void validationLoadsSecretsToo() {
    Map<String, Object> experiment =
        experiment(
            "{\"secrets\": {\"k\": {\"tok\": {\"type\": \"env\","
                + " \"key\": \"CTK_CONFORMANCE_UNSET_VAR\"}}}, \"method\": []}");

    assertThatThrownBy(() -> RunConfiguration.validate(experiment, Variables.none(), Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Secrets make reference to an environment key that does not exist:"
                + " CTK_CONFORMANCE_UNSET_VAR");
  }

  @Test
  void validationRunsNoProbeAndKeepsDynamicDefinitions() {
    Map<String, Object> experiment =
        experiment(
            "{\"configuration\": {\"who\": {\"type\": \"probe\", \"name\": \"who\","
                + " \"provider\": {\"type\": \"process\", \"path\": \"echo\"}}}}");

    RunConfiguration validated = RunConfiguration.validate(experiment, Variables.none(), Map.of());

    assertThat(validated.configuration().get("who"))
        .isEqualTo(((Map<?, ?>) experiment.get("configuration")).get("who"));
  }

  @Test
  void dynamicConfigurationFeedsLaterKeysAndActivities() {
    Map<String, Object> experiment =
        experiment(
            "{\"configuration\": {"
                + "\"who\": {\"type\": \"probe\", \"name\": \"who\", \"provider\":"
                + " {\"type\": \"process\", \"path\": \"echo\", \"arguments\": [\"  world  \"]}},"
                + "\"greeting\": {\"type\": \"probe\", \"name\": \"g\", \"provider\":"
                + " {\"type\": \"python\", \"module\": \"string\", \"func\": \"capwords\","
                + " \"arguments\": {\"s\": \"hello ${who}\"}}}}}");

    RunConfiguration loaded =
        RunConfiguration.load(
            experiment, Variables.none(), Map.of(), ConfigurationLoaderTest::runFakeProvider);

    assertThat(Substitution.apply(List.of("${greeting}"), loaded.configuration(), loaded.secrets()))
        .isEqualTo(List.of("Hello World"));
  }

  @Test
  void vaultKeyWithoutPathLoadsAnEmptySecretWithWarnings() {
    Map<String, Object> experiment =
        experiment(
            "{\"secrets\": {\"k8s\": {\"some-key\": {\"type\": \"vault\", \"key\": \"foo\"}}},"
                + " \"method\": []}");

    try (LogCapture logs = LogCapture.ofThisThread()) {
      RunConfiguration validated =
          RunConfiguration.validate(experiment, Variables.none(), Map.of());
      dev.chaos4j.core.secret.SecretsLoader.warnAboutDeprecations(experiment.get("secrets"));

      assertThat(validated.secrets()).isEqualTo(Map.of("k8s", Map.of("some-key", Map.of())));
      assertThat(logs.messages(Level.WARNING))
          .containsExactly(
              "Missing Vault secret path for '{'type': 'vault', 'key': 'foo'}'",
              dev.chaos4j.core.secret.SecretsLoader.VAULT_KEY_WITHOUT_PATH_DEPRECATION);
    }
  }

  @Test
  void vaultSettingsMayComeFromEnvironmentBackedConfiguration() throws IOException {
    try (FakeVault vault = new FakeVault()) {
      vault.token("s.from-env").kv1("kv", "app", Map.of("password", "shhh"));
      Map<String, Object> experiment =
          experiment(
              "{\"configuration\": {\"vault_addr\": \""
                  + vault.address()
                  + "\", \"vault_token\": {\"type\": \"env\", \"key\": \"MY_VAULT_TOKEN\"},"
                  + " \"vault_kv_version\": \"1\", \"vault_secrets_mount_point\": \"kv\"},"
                  + " \"secrets\": {\"db\": {\"password\": {\"type\": \"vault\","
                  + " \"path\": \"app\", \"key\": \"password\"}}}}");

      RunConfiguration loaded =
          RunConfiguration.load(
              experiment, Variables.none(), Map.of("MY_VAULT_TOKEN", "s.from-env"), NO_PROBES);

      assertThat(loaded.secrets()).isEqualTo(Map.of("db", Map.of("password", "shhh")));
      assertThat(Substitution.apply("pw=${password}", loaded.configuration(), loaded.secrets()))
          .isEqualTo("pw=shhh");
    }
  }

  @Test
  void loadedMapsAreMutableForControls() {
    Map<String, Object> experiment =
        experiment("{\"configuration\": {\"a\": 1}, \"secrets\": {\"s\": {\"k\": \"v\"}}}");

    RunConfiguration loaded =
        RunConfiguration.load(experiment, Variables.none(), Map.of(), NO_PROBES);
    loaded.configuration().put("b", 2);
    loaded.secrets().put("t", Map.of());

    assertThat(loaded.configuration()).containsKeys("a", "b");
    assertThat(loaded.secrets()).containsKeys("s", "t");
  }
}
