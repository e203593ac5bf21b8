package dev.chaos4j.cli.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed experiment {@code examples/user-service-down}, run in-process by {@code chaos run}. It
 * declares {@code toxiproxy_port} here so that {@code --var} can give the API's ephemeral port (a
 * {@code --var} only overrides declared keys); the seed as it is, with {@code TOXIPROXY_URL}, runs
 * in {@code UserServiceDownSeedIT}.
 */
class UserServiceDownSeedTest {
  @TempDir Path dir;

  @Test
  void theMethodTakesTheUserServiceDownAndTheRollbackBringsItBack() throws Exception {
    try (UserServiceDownSystem system = UserServiceDownSystem.start()) {
      Files.writeString(
          dir.resolve("experiment.json"),
          system.seed().replaceFirst("\\{", "{\"configuration\": {\"toxiproxy_port\": 8474},"));

      CliRunner.Result result =
          CliRunner.chaos(
              "--no-log-file",
              "--change-dir",
              dir.toString(),
              "run",
              "--var",
              "toxiproxy_port:int=" + system.apiPort(),
              "experiment.json");

      assertThat(result.exitCode()).as(result.err()).isZero();
      system.assertRanAndRecovered(dir.resolve("journal.json"));
    }
  }

  @Test
  void theSeedIsValid() {
    CliRunner.Result result =
        CliRunner.chaos("--no-log-file", "validate", UserServiceDownSystem.SEED.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("experiment syntax and semantic look valid");
  }
}
