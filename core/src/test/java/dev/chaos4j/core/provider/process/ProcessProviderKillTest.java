package dev.chaos4j.core.provider.process;

import static dev.chaos4j.core.provider.process.ProcessActivities.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts and interruption kill the child and everything it started. */
class ProcessProviderKillTest {
  /**
   * A child shell that starts a sleeping grandchild and another shell, which starts two sleeping
   * great-grandchildren; every pid lands in the file {@code pids} (5 in all).
   */
  private static final String TREE =
      "sh -c 'sleep 30 & echo $! >> pids; sleep 31 & echo $! >> pids; echo $$ >> pids; wait' &"
          + " echo $! >> pids; sleep 32 & echo $! >> pids; wait";

  @TempDir Path dir;
  private final ProcessProvider provider = new ProcessProvider();
  private final List<Long> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    ProcessTree.kill(started);
  }

  @Test
  void anExpiredTimeoutFailsTheActivityInTime() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                provider.run(
                    probe("{\"path\": \"sleep\", \"arguments\": [\"30\"], \"timeout\": 0.3}"),
                    ProviderContext.empty(dir)))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessage("process activity took too long to complete");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anExpiredTimeoutKillsTheWholeProcessTree() throws Exception {
    Map<String, Object> activity =
        probe(Map.of("path", "sh", "arguments", List.of("-c", TREE), "timeout", 1.5));
    assertThatThrownBy(() -> provider.run(activity, ProviderContext.empty(dir)))
        .isExactlyInstanceOf(ActivityFailed.class)
        .hasMessage("process activity took too long to complete");
    started.addAll(ProcessTree.awaitPids(dir.resolve("pids"), 5, Duration.ofSeconds(1)));
    assertThat(ProcessTree.allGone(started, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void interruptionKillsTheWholeProcessTreeAndKeepsTheInterruptFlag() throws Exception {
    Map<String, Object> activity = probe(Map.of("path", "sh", "arguments", List.of("-c", TREE)));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread runner =
        new Thread(
            () -> {
              try {
                provider.run(activity, ProviderContext.empty(dir));
              } catch (Throwable e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    runner.start();
    started.addAll(ProcessTree.awaitPids(dir.resolve("pids"), 5, Duration.ofSeconds(10)));
    runner.interrupt();
    runner.join(5000);

    assertThat(runner.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptExecution.class);
    assertThat(flagKept).isTrue();
    assertThat(ProcessTree.allGone(started, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void anAlreadyInterruptedThreadStartsNothing() {
    var activity = probe(Map.of("path", "touch", "arguments", List.of("started")));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> provider.run(activity, ProviderContext.empty(dir)))
          .isExactlyInstanceOf(InterruptExecution.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(dir.resolve("started")).doesNotExist();
  }

  @Test
  void aBackgroundProcessHoldingTheOutputOpenDoesNotHoldTheActivity() throws Exception {
    try (LogCapture log = LogCapture.ofThisThread()) {
      long start = System.nanoTime();
      Map<?, ?> output =
          (Map<?, ?>)
              provider.run(
                  probe(
                      Map.of(
                          "path",
                          "sh",
                          "arguments",
                          List.of("-c", "sleep 30 & echo $! > pids; echo started"))),
                  ProviderContext.empty(dir));
      started.addAll(ProcessTree.awaitPids(dir.resolve("pids"), 1, Duration.ofSeconds(1)));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(output.get("status")).isEqualTo(0);
      assertThat(output.get("stdout")).isEqualTo("started\n");
      assertThat(log.warnings()).singleElement().asString().contains("in the background");
      // a daemon the activity meant to start is left running
      assertThat(ProcessTree.gone(started.get(0))).isFalse();
    }
  }
}
