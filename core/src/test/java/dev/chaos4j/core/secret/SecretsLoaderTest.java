package dev.chaos4j.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.testing.FakeVault;
import dev.chaos4j.core.testing.LogCapture;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsLoaderTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private static Map<String, Object> load(Object block, Map<String, String> environment) {
    return SecretsLoader.load(block, Map.of(), Map.of(), environment);
  }

  @Test
  void inlineValuesAreKeptAsTheyAre() {
    Map<String, Object> block =
        json("{\"k8s\": {\"url\": \"http://1.2.3.4\", \"port\": 8090, \"tls\": true}}");

    assertThat(load(block, Map.of())).isEqualTo(block);
  }

  @Test
  void environmentValuesComeFromTheGivenEnvironmentEvenWhenEmpty() {
    Map<String, Object> block =
        json(
            "{\"k8s\": {\"url\": {\"type\": \"env\", \"key\": \"KUBE_URL\"},"
                + " \"token\": {\"type\": \"env\", \"key\": \"KUBE_TOKEN\"}}}");

    Map<String, Object> secrets =
        load(block, Map.of("KUBE_URL", "http://1.2.3.4", "KUBE_TOKEN", ""));

    assertThat(secrets).isEqualTo(Map.of("k8s", Map.of("url", "http://1.2.3.4", "token", "")));
  }

  @Test
  void missingEnvironmentKeyGivesTheReferenceMessage() {
    Map<String, Object> block =
        json("{\"k\": {\"tok\": {\"type\": \"env\", \"key\": \"CTK_CONFORMANCE_UNSET_VAR\"}}}");

    assertThatThrownBy(() -> load(block, Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Secrets make reference to an environment key that does not exist:"
                + " CTK_CONFORMANCE_UNSET_VAR");
  }

  @Test
  void environmentDefinitionWithoutKeyNamesTheSecret() {
    Map<String, Object> block = json("{\"k\": {\"nested\": {\"tok\": {\"type\": \"env\"}}}}");

    assertThatThrownBy(() -> load(block, Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("Secret 'k.nested.tok' reads an environment variable but has no `key`");
  }

  @Test
  void nestedMappingsAreLoadedRecursively() {
    Map<String, Object> block =
        json(
            "{\"kubernetes\": {\"env1\": {\"username\": \"jane\","
                + " \"address\": {\"host\": \"whatever\", \"port\": 8090},"
                + " \"api_server_url\": {\"type\": \"env\", \"key\": \"KUBE_API_URL\"}}}}");

    Map<String, Object> secrets = load(block, Map.of("KUBE_API_URL", "http://1.2.3.4"));

    assertThat(secrets)
        .isEqualTo(
            json(
                "{\"kubernetes\": {\"env1\": {\"username\": \"jane\","
                    + " \"address\": {\"host\": \"whatever\", \"port\": 8090},"
                    + " \"api_server_url\": \"http://1.2.3.4\"}}}"));
  }

  @Test
  void varFileScopeReplacesTheWholeDeclaredScopeAndIsLoadedTheSameWay() {
    Map<String, Object> block =
        json(
            "{\"app\": {\"url\": \"http://declared\", \"user\": \"declared\"},"
                + " \"other\": {\"k\": \"v\"}}");
    Map<String, Object> overrides =
        json(
            "{\"app\": {\"url\": \"http://elsewhere\","
                + " \"token\": {\"type\": \"env\", \"key\": \"TOKEN\"}},"
                + " \"undeclared\": {\"x\": 1}}");

    Map<String, Object> secrets =
        SecretsLoader.load(block, Map.of(), overrides, Map.of("TOKEN", "t0k"));

    assertThat(secrets)
        .isEqualTo(
            json(
                "{\"app\": {\"url\": \"http://elsewhere\", \"token\": \"t0k\"},"
                    + " \"other\": {\"k\": \"v\"}}"));
  }

  @Test
  void varFileScopeReplacesAnEnvironmentBackedScopeWithoutReadingTheEnvironment() {
    Map<String, Object> block = json("{\"k8s\": {\"url\": {\"type\": \"env\", \"key\": \"URL\"}}}");
    Map<String, Object> overrides = json("{\"k8s\": {\"url\": \"http://elsewhere\"}}");

    assertThat(SecretsLoader.load(block, Map.of(), overrides, Map.of()))
        .isEqualTo(Map.of("k8s", Map.of("url", "http://elsewhere")));
  }

  @Test
  void vaultValuesAreReadWithTheConfigurationsSettingsAndOneLogin() throws IOException {
    try (FakeVault vault = new FakeVault()) {
      vault
          .appRole("r", "s", "s.issued")
          .kv2("secret", "app/db", Map.of("user", "jane", "password", "shhh"));
      Map<String, Object> block =
          json(
              "{\"db\": {\"all\": {\"type\": \"vault\", \"path\": \"app/db\"},"
                  + " \"password\": {\"type\": \"vault\", \"path\": \"app/db\","
                  + " \"key\": \"password\"}}}");
      Map<String, Object> config =
          Map.of("vault_addr", vault.address(), "vault_role_id", "r", "vault_role_secret", "s");

      Map<String, Object> secrets = SecretsLoader.load(block, config, Map.of(), Map.of());

      assertThat(secrets)
          .isEqualTo(
              Map.of(
                  "db",
                  Map.of("all", Map.of("user", "jane", "password", "shhh"), "password", "shhh")));
      assertThat(vault.requests)
          .extracting(FakeVault.Request::path)
          .containsExactly(
              "/v1/auth/approle/login", "/v1/secret/data/app/db", "/v1/secret/data/app/db");
    }
  }

  @Test
  void vaultValueWithoutPathIsAnEmptyMappingWithAWarningAndNoVaultCall() {
    Map<String, Object> block =
        json("{\"k8s\": {\"some-key\": {\"type\": \"vault\", \"key\": \"foo\"}}}");

    try (LogCapture logs = LogCapture.ofThisThread()) {
      Map<String, Object> secrets =
          SecretsLoader.load(block, Map.of("vault_addr", "http://127.0.0.1:1"), Map.of(), Map.of());

      assertThat(secrets).isEqualTo(Map.of("k8s", Map.of("some-key", Map.of())));
      assertThat(logs.messages(Level.WARNING))
          .containsExactly("Missing Vault secret path for '{'type': 'vault', 'key': 'foo'}'");
    }
  }

  @Test
  void deprecationWarningForEachVaultKeyWithoutPath() {
    Map<String, Object> block =
        json(
            "{\"a\": {\"x\": {\"type\": \"vault\", \"key\": \"foo\"},"
                + " \"ok\": {\"type\": \"vault\", \"path\": \"p\", \"key\": \"k\"}},"
                + " \"b\": {\"y\": {\"type\": \"vault\", \"key\": \"bar\"}}, \"c\": \"odd\"}");

    try (LogCapture logs = LogCapture.ofThisThread()) {
      SecretsLoader.warnAboutDeprecations(block);

      assertThat(logs.messages(Level.WARNING))
          .containsExactly(
              SecretsLoader.VAULT_KEY_WITHOUT_PATH_DEPRECATION,
              SecretsLoader.VAULT_KEY_WITHOUT_PATH_DEPRECATION);
    }
    assertThat(SecretsLoader.VAULT_KEY_WITHOUT_PATH_DEPRECATION)
        .isEqualTo(
            "Vault secrets must now specify the `path` property. The `key` property is now a key"
                + " of a Vault secret rather than the actual path. For instance: {'my-key':"
                + " {'type': 'vault', 'key': 'foo'}} now becomes: {'my-key': {'type': 'vault',"
                + " 'path': 'foo'}}");
  }

  @Test
  void noSecretsBlockMeansNoSecrets() {
    assertThat(load(null, Map.of())).isEmpty();
  }

  @Test
  void secretsBlockThatIsNotAMappingIsAnError() {
    assertThatThrownBy(() -> load(List.of("a"), Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("experiment secrets must be a mapping, not a list");
  }

  @Test
  void loadedSecretsAreMutableCopies() {
    Map<String, Object> block = json("{\"s\": {\"k\": \"v\"}}");

    Map<String, Object> secrets = load(block, Map.of());
    secrets.put("added", Map.of());

    assertThat(block).doesNotContainKey("added");
  }
}
