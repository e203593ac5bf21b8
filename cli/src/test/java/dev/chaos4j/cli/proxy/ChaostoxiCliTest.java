package dev.chaos4j.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.CliRunner;
import dev.chaos4j.core.value.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chaostoxi functions as {@code chaos discover} and {@code chaos validate} see them. */
class ChaostoxiCliTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void discoverDescribesTheToxiproxyExtension() throws Exception {
    CliRunner.Result result =
        CliRunner.chaos(
            "--no-log-file",
            "--change-dir",
            dir.toString(),
            "discover",
            "--no-system-info",
            "chaostoolkit-toxiproxy");

    assertThat(result.exitCode()).as(result.err()).isZero();
    Map<String, Object> document =
        (Map<String, Object>) Json.parseTrusted(Files.readString(dir.resolve("discovery.json")));
    assertThat(document).containsEntry("target", "toxiproxy");
    assertThat((List<Map<String, Object>>) document.get("activities"))
        .extracting(a -> a.get("mod") + "." + a.get("name"))
        .contains(
            "chaostoxi.proxy.actions.create_proxy",
            "chaostoxi.proxy.probes.proxy_exist",
            "chaostoxi.toxic.actions.create_bandwith_degradation_toxic",
            "chaostoxi.toxic.probes.get_toxics",
            "toxiproxy.proxy.actions.create_toxic");
  }

  @Test
  void validateChecksTheArgumentsAgainstTheReferencesSignature() throws Exception {
    Files.writeString(
        dir.resolve("experiment.json"),
        """
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "slow",
           "provider": {"type": "python", "module": "chaostoxi.toxic.actions",
             "func": "create_latency_toxic",
             "arguments": {"for_proxy": "users", "toxic_name": "slow", "delay": 100}}}]}
        """);

    CliRunner.Result result =
        CliRunner.chaos(
            "--no-log-file", "--change-dir", dir.toString(), "validate", "experiment.json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("required argument 'latency' is missing from activity 'create_latency_toxic'");
  }
}
