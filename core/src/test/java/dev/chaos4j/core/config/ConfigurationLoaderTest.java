package dev.chaos4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.testing.LogCapture;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {
  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private static Map<String, Object> load(String block, Map<String, String> environment) {
    return ConfigurationLoader.load(json(block), Variables.none(), environment);
  }

  @Test
  void inlineValuesAreKeptAsTheyAreInDeclarationOrder() {
    Map<String, Object> config =
        load(
            "{\"z\": \"value1\", \"nested\": {\"onea\": \"x\", \"lol\": {\"haha\": [1, 2, 3]}},"
                + " \"a\": 3, \"n\": null}",
            Map.of());

    assertThat(config)
        .containsExactly(
            entry("z", "value1"),
            entry("nested", json("{\"onea\": \"x\", \"lol\": {\"haha\": [1, 2, 3]}}")),
            entry("a", 3),
            entry("n", null));
  }

  @Test
  void environmentValuesComeFromTheGivenEnvironment() {
    Map<String, Object> config =
        load(
            "{\"token2\": {\"type\": \"env\", \"key\": \"KUBE_TOKEN\"},"
                + " \"token3\": {\"type\": \"env\", \"key\": \"UNDEFINED\", \"default\": \"value3\"}}",
            Map.of("KUBE_TOKEN", "value2"));

    assertThat(config).containsExactly(entry("token2", "value2"), entry("token3", "value3"));
  }

  @Test
  void emptyEnvironmentValueCountsAsSetEvenWithADefault() {
    Map<String, Object> config =
        load(
            "{\"t\": {\"type\": \"env\", \"key\": \"KUBE_TOKEN\", \"default\": \"value2\"}}",
            Map.of("KUBE_TOKEN", ""));

    assertThat(config).containsExactly(entry("t", ""));
  }

  @Test
  void defaultMayBeEmptyOrNull() {
    Map<String, Object> config =
        load(
            "{\"e\": {\"type\": \"env\", \"key\": \"U1\", \"default\": \"\"},"
                + " \"n\": {\"type\": \"env\", \"key\": \"U2\", \"default\": null,"
                + " \"env_var_type\": \"int\"}}",
            Map.of());

    assertThat(config).containsExactly(entry("e", ""), entry("n", null));
  }

  @Test
  void missingEnvironmentKeyWithoutDefaultGivesTheReferenceMessage() {
    assertThatThrownBy(
            () ->
                load(
                    "{\"token1\": \"value1\","
                        + " \"token2\": {\"type\": \"env\", \"key\": \"KUBE_TOKEN\"}}",
                    Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Configuration makes reference to an environment key that does not exist: KUBE_TOKEN");
  }

  @Test
  void envVarTypeConvertsTheEnvironmentValueAndTheDefault() {
    Map<String, Object> config =
        load(
            "{\"s\": {\"type\": \"env\", \"key\": \"S\", \"env_var_type\": \"str\"},"
                + " \"i\": {\"type\": \"env\", \"key\": \"I\", \"env_var_type\": \"int\"},"
                + " \"f\": {\"type\": \"env\", \"key\": \"F\", \"env_var_type\": \"float\"},"
                + " \"b\": {\"type\": \"env\", \"key\": \"B\", \"env_var_type\": \"bool\"},"
                + " \"j\": {\"type\": \"env\", \"key\": \"J\", \"env_var_type\": \"json\"},"
                + " \"d\": {\"type\": \"env\", \"key\": \"D\", \"default\": \"8080\","
                + " \"env_var_type\": \"integer\"}}",
            Map.of("S", "x", "I", "1000", "F", "30.54321", "B", "no", "J", "{\"a\": [1]}"));

    assertThat(config)
        .containsExactly(
            entry("s", "x"),
            entry("i", 1000),
            entry("f", 30.54321),
            entry("b", false),
            entry("j", json("{\"a\": [1]}")),
            entry("d", 8080));
    Map<String, Object> bytes =
        load(
            "{\"y\": {\"type\": \"env\", \"key\": \"Y\", \"env_var_type\": \"bytes\"}}",
            Map.of("Y", "these_are_bytes"));
    assertThat((byte[]) bytes.get("y"))
        .isEqualTo("these_are_bytes".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void badEnvVarTypeOrValueNamesTheKey() {
    assertThatThrownBy(
            () ->
                load(
                    "{\"port\": {\"type\": \"env\", \"key\": \"PORT\", \"env_var_type\": \"object\"}}",
                    Map.of("PORT", "80")))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage(
            "Configuration 'port' (environment key PORT): variable type can only be: bool, str,"
                + " int, float, bytes or json");
    assertThatThrownBy(
            () ->
                load(
                    "{\"port\": {\"type\": \"env\", \"key\": \"PORT\", \"env_var_type\": \"int\"}}",
                    Map.of("PORT", "eighty")))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("Configuration 'port' (environment key PORT): cannot convert 'eighty' to int");
  }

  @Test
  void envDefinitionWithoutKeyNamesTheConfigurationKey() {
    assertThatThrownBy(() -> load("{\"k\": {\"type\": \"env\"}}", Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("Configuration 'k' reads an environment variable but has no `key`");
  }

  @Test
  void mappingsWithAnotherTypeAreKeptVerbatim() {
    Map<String, Object> config =
        load(
            "{\"other\": {\"type\": \"secret-manager\", \"key\": \"K\"},"
                + " \"probe\": {\"type\": \"probe\", \"provider\": {\"type\": \"python\"}}}",
            Map.of());

    assertThat(config)
        .containsExactly(
            entry("other", json("{\"type\": \"secret-manager\", \"key\": \"K\"}")),
            entry("probe", json("{\"type\": \"probe\", \"provider\": {\"type\": \"python\"}}")));
  }

  @Test
  void varsOverrideOnlyDeclaredKeys() {
    Variables variables = Variables.load(List.of("token1=extra", "undeclared=x"), List.of());

    Map<String, Object> config =
        ConfigurationLoader.load(
            json("{\"token1\": \"value1\", \"token2\": \"value2\"}"), variables, Map.of());

    assertThat(config).containsExactly(entry("token1", "extra"), entry("token2", "value2"));
  }

  @Test
  void varOverridingAnEnvironmentKeyNeedsNoEnvironmentVariable() {
    Variables variables = Variables.load(List.of("token:int=7"), List.of());

    Map<String, Object> config =
        ConfigurationLoader.load(
            json("{\"token\": {\"type\": \"env\", \"key\": \"UNSET\"}}"), variables, Map.of());

    assertThat(config).containsExactly(entry("token", 7));
  }

  @Test
  void varFileEntryMayBeAnEnvironmentDefinition() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("vars.json"),
            "{\"configuration\": {\"some_config_1\": {\"key\": \"PWD\", \"type\": \"env\"}}}");
    Variables variables = Variables.load(List.of(), List.of(file));

    Map<String, Object> config =
        ConfigurationLoader.load(
            json("{\"some_config_1\": \"hello\", \"some_config_2\": \"there\"}"),
            variables,
            Map.of("PWD", "/work"));

    assertThat(config)
        .containsExactly(entry("some_config_1", "/work"), entry("some_config_2", "there"));
  }

  @Test
  void configurationBlockMustBeAMapping() {
    assertThatThrownBy(() -> ConfigurationLoader.load(List.of(1), Variables.none(), Map.of()))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("experiment configuration must be a mapping, not a list");
    assertThat(ConfigurationLoader.load(null, Variables.none(), Map.of())).isEmpty();
  }

  @Test
  void dynamicValuesRunInOrderSeeingEarlierKeysAndTakeTheProviderShapedValue() {
    Map<String, Object> config =
        json(
            "{\"who\": {\"type\": \"probe\", \"name\": \"who\", \"provider\":"
                + " {\"type\": \"process\", \"path\": \"echo\", \"arguments\": [\"  world  \"]}},"
                + " \"plain\": \"p\","
                + " \"greeting\": {\"type\": \"probe\", \"name\": \"g\", \"provider\":"
                + " {\"type\": \"python\", \"module\": \"string\", \"func\": \"capwords\","
                + " \"arguments\": {\"s\": \"hello ${who}\"}}},"
                + " \"remote\": {\"type\": \"probe\", \"provider\": {\"type\": \"http\","
                + " \"url\": \"http://x\"}}}");
    List<Map<String, Object>> seen = new ArrayList<>();
    DynamicValueRunner runner =
        (probe, configuration, secrets) -> {
          seen.add(new LinkedHashMap<>(configuration));
          return runFakeProvider(probe, configuration, secrets);
        };

    Map<String, Object> resolved = ConfigurationLoader.resolveDynamic(config, Map.of(), runner);

    assertThat(resolved)
        .containsExactly(
            entry("who", "world"),
            entry("plain", "p"),
            entry("greeting", "Hello World"),
            entry("remote", Map.of("ok", true)));
    assertThat(seen)
        .containsExactly(
            Map.of(),
            Map.of("who", "world", "plain", "p"),
            Map.of("who", "world", "plain", "p", "greeting", "Hello World"));
  }

  @Test
  void dynamicProbeSeesEverySecretScopeThroughItsProvider() {
    Map<String, Object> config =
        json("{\"k\": {\"type\": \"probe\", \"provider\": {\"type\": \"python\"}}}");
    Map<String, Object> secrets = json("{\"a\": {\"x\": 1}, \"b\": {\"y\": 2}}");
    List<Object> scopes = new ArrayList<>();

    ConfigurationLoader.resolveDynamic(
        config,
        secrets,
        (probe, configuration, s) -> {
          scopes.add(((Map<?, ?>) probe.get("provider")).get("secrets"));
          assertThat(s).isSameAs(secrets);
          return "v";
        });

    assertThat(scopes).containsExactly(List.of("a", "b"));
    assertThat(config.get("k"))
        .isEqualTo(json("{\"type\": \"probe\", \"provider\": {\"type\": \"python\"}}"));
  }

  @Test
  void failingDynamicProbesAreLoggedAndLeftOut() {
    Map<String, Object> config =
        json(
            "{\"somekey\": \"hello world\","
                + " \"raises\": {\"type\": \"probe\", \"provider\": {\"type\": \"python\"}},"
                + " \"exit1\": {\"type\": \"probe\", \"name\": \"fails\", \"provider\":"
                + " {\"type\": \"process\", \"path\": \"sh\","
                + " \"arguments\": [\"-c\", \"echo out; echo broken >&2; exit 1\"]}}}");

    try (LogCapture logs = LogCapture.ofThisThread()) {
      Map<String, Object> resolved =
          ConfigurationLoader.resolveDynamic(
              config,
              Map.of(),
              (probe, c, s) -> {
                if (((Map<?, ?>) probe.get("provider")).get("type").equals("python")) {
                  throw new ActivityFailed("RuntimeException: boom");
                }
                return runFakeProvider(probe, c, s);
              });

      assertThat(resolved).containsExactly(entry("somekey", "hello world"));
      assertThat(logs.messages(Level.WARNING))
          .containsExactly(
              "Dynamic configuration 'raises' failed to load and is left out:"
                  + " RuntimeException: boom",
              "Dynamic configuration 'exit1' is left out: its probe 'fails' exited with status 1:"
                  + " broken");
    }
  }

  @Test
  void interruptionOfADynamicProbeStopsTheLoading() {
    Map<String, Object> config =
        json("{\"k\": {\"type\": \"probe\", \"provider\": {\"type\": \"python\"}}}");

    assertThatThrownBy(
            () ->
                ConfigurationLoader.resolveDynamic(
                    config,
                    Map.of(),
                    (probe, c, s) -> {
                      throw new InterruptExecution("signal");
                    }))
        .isInstanceOf(InterruptExecution.class);
  }

  @Test
  void dynamicValueWithoutProviderTypeIsAnError() {
    Map<String, Object> config = json("{\"k\": {\"type\": \"probe\", \"provider\": {}}}");

    assertThatThrownBy(
            () -> ConfigurationLoader.resolveDynamic(config, Map.of(), (p, c, s) -> "never"))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("Dynamic configuration 'k' must have a provider with a type");
  }

  /**
   * A stand-in for the engine: process probes really run (arguments substituted), python probes of
   * {@code string.capwords} are emulated, HTTP probes answer a fixed body.
   */
  static Object runFakeProvider(
      Map<String, Object> probe, Map<String, Object> configuration, Map<String, Object> secrets) {
    Map<?, ?> provider = (Map<?, ?>) probe.get("provider");
    Object arguments = Substitution.apply(provider.get("arguments"), configuration, secrets);
    switch ((String) provider.get("type")) {
      case "process" -> {
        List<String> command = new ArrayList<>();
        command.add((String) provider.get("path"));
        for (Object a : (List<?>) arguments) {
          command.add((String) a);
        }
        try {
          Process process = new ProcessBuilder(command).start();
          try {
            String stdout =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr =
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return Map.of("status", process.exitValue(), "stdout", stdout, "stderr", stderr);
          } finally {
            process.destroyForcibly();
          }
        } catch (IOException e) {
          throw new ActivityFailed(e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptExecution("interrupted");
        }
      }
      case "python" -> {
        String s = (String) ((Map<?, ?>) arguments).get("s");
        StringBuilder out = new StringBuilder();
        for (String word : s.strip().split("\\s+")) {
          if (out.length() > 0) {
            out.append(' ');
          }
          out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase());
        }
        return out.toString();
      }
      case "http" -> {
        return Map.of("status", 200, "headers", Map.of(), "body", Map.of("ok", true));
      }
      default -> throw new ActivityFailed("unknown provider");
    }
  }
}
