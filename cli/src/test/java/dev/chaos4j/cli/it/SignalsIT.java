package dev.chaos4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.value.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built command line receives real signals while a real child process runs: the journal is
 * written, the rollbacks the reference would play are played, and the child is gone.
 */
class SignalsIT {
  @TempDir Path dir;
  private Process chaos;
  private long sleeperPid;

  @AfterEach
  void cleanUp() {
    if (chaos != null) {
      chaos.destroyForcibly();
    }
    if (sleeperPid > 0) {
      ProcessHandle.of(sleeperPid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** A method whose activity replaces a shell by `sleep 30`, recording the sleeper's pid. */
  private Path experiment(boolean backgroundToo) throws Exception {
    String background =
        backgroundToo
            ? "{\"type\": \"action\", \"name\": \"bg\", \"background\": true, \"provider\": {\"type\":"
                + " \"process\", \"path\": \"sh\", \"arguments\": [\"-c\", \"sleep 1; touch"
                + " bg-done\"]}},"
            : "";
    Path e = dir.resolve("e.json");
    Files.writeString(
        e,
        "{\"title\": \"t\", \"description\": \"d\", \"method\": ["
            + background
            + "{\"type\": \"action\", \"name\": \"long\", \"provider\": {\"type\": \"process\","
            + " \"path\": \"sh\", \"arguments\": [\"-c\", \"echo $$ > sleeper.pid; exec sleep"
            + " 30\"]}}, {\"type\": \"action\", \"name\": \"after\", \"provider\": {\"type\":"
            + " \"process\", \"path\": \"true\"}}], \"rollbacks\": [{\"type\": \"action\", \"name\":"
            + " \"undo\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]}");
    return e;
  }

  /** Starts `chaos run`, waits until the sleeper runs, sends the signal, waits for the end. */
  private int runAndSignal(String signal, String... runArgs) throws Exception {
    Path e = experiment(List.of(runArgs).contains("--background"));
    List<String> args = new java.util.ArrayList<>(List.of("run"));
    for (String a : runArgs) {
      if (!a.equals("--background")) {
        args.add(a);
      }
    }
    args.add(e.toString());
    chaos = ChaosProcess.start(dir, args.toArray(String[]::new));
    Path pidFile = dir.resolve("sleeper.pid");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!(Files.exists(pidFile) && !Files.readString(pidFile).isBlank())) {
      assertThat(System.nanoTime()).as("the sleeper never started").isLessThan(deadline);
      assertThat(chaos.isAlive()).as("chaos ended before the sleeper started").isTrue();
      Thread.sleep(20);
    }
    sleeperPid = Long.parseLong(Files.readString(pidFile).trim());
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(chaos.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isEqualTo(0);
    assertThat(chaos.waitFor(20, TimeUnit.SECONDS)).as("chaos ended after SIG" + signal).isTrue();
    return chaos.exitValue();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> journal() throws Exception {
    return (Map<String, Object>) Json.parse(Files.readString(dir.resolve("journal.json")));
  }

  private List<?> section(String name) throws Exception {
    return (List<?>) journal().get(name);
  }

  private boolean sleeperGone() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(sleeperPid).map(h -> !h.isAlive()).orElse(true)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void ctrlCStopsTheRunningChildWritesTheJournalAndSkipsDefaultRollbacks() throws Exception {
    int exit = runAndSignal("INT");
    assertThat(exit).isEqualTo(1);
    assertThat(journal().get("status")).isEqualTo("interrupted");
    assertThat(section("run")).hasSize(1);
    assertThat(section("rollbacks")).isEmpty();
    assertThat(sleeperGone()).as("the sleep process is gone after SIGINT").isTrue();
  }

  @Test
  void sigtermWithTheAlwaysStrategyStillPlaysRollbacks() throws Exception {
    int exit = runAndSignal("TERM", "--rollback-strategy", "always");
    assertThat(exit).isEqualTo(1);
    assertThat(journal().get("status")).isEqualTo("interrupted");
    assertThat(section("rollbacks")).hasSize(1);
    assertThat(((Map<?, ?>) section("rollbacks").get(0)).get("status")).isEqualTo("succeeded");
    assertThat(sleeperGone()).isTrue();
  }

  @Test
  void sigusr2NeverPlaysRollbacksWhateverTheStrategy() throws Exception {
    int exit = runAndSignal("USR2", "--rollback-strategy", "always");
    assertThat(exit).isEqualTo(1);
    assertThat(journal().get("status")).isEqualTo("interrupted");
    assertThat(section("rollbacks")).isEmpty();
    assertThat(sleeperGone()).isTrue();
  }

  @Test
  void sigusr1LetsBackgroundActivitiesFinishAndPlaysRollbacksPerStrategy() throws Exception {
    int exit = runAndSignal("USR1", "--rollback-strategy", "always", "--background");
    assertThat(exit).isEqualTo(1);
    assertThat(journal().get("status")).isEqualTo("interrupted");
    assertThat(dir.resolve("bg-done")).as("the background activity ran to its end").exists();
    assertThat(section("rollbacks")).hasSize(1);
    assertThat(sleeperGone()).isTrue();
  }
}
