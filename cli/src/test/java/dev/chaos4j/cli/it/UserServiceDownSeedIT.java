package dev.chaos4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.cli.proxy.UserServiceDownSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code chaos.jar} runs the seed experiment {@code examples/user-service-down} as it is
 * (only its consumer URL pointed to the test's consumer), finding the fault proxy's API through
 * {@code TOXIPROXY_URL}: the shaded jar carries the chaostoxi functions and their legacy names.
 */
class UserServiceDownSeedIT {
  @TempDir Path dir;

  @Test
  void theSeedTakesTheUserServiceDownAndBringsItBack() throws Exception {
    try (UserServiceDownSystem system = UserServiceDownSystem.start()) {
      Files.writeString(dir.resolve("experiment.json"), system.seed());

      ChaosProcess.Result result =
          ChaosProcess.run(
              dir,
              Map.of("TOXIPROXY_URL", "http://127.0.0.1:" + system.apiPort()),
              "run",
              "experiment.json");

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      system.assertRanAndRecovered(dir.resolve("journal.json"));
    }
  }
}
