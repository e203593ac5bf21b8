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

  /** The most a pipe buffers on the systems chaos4j runs on (Linux and macOS: 64 KiB). */
  private static final int PIPE_CAPACITY = 64 * 1024;

  @TempDir Path dir;
  private final ProcessProvider provider = new ProcessProvider();
  private final List<ProcessHandle> leftovers = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    leftovers.forEach(ProcessHandle::destroyForcibly);
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
    List<Long> tree = tracked(ProcessTree.awaitPids(dir.resolve("pids"), 5, Duration.ofSeconds(1)));
    assertThat(ProcessTree.allGone(tree, Duration.ofSeconds(5))).isTrue();
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
    List<Long> tree =
        tracked(ProcessTree.awaitPids(dir.resolve("pids"), 5, Duration.ofSeconds(10)));
    runner.interrupt();
    runner.join(5000);

    assertThat(runner.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptExecution.class);
    assertThat(flagKept).isTrue();
    assertThat(ProcessTree.allGone(tree, Duration.ofSeconds(5))).isTrue();
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
    long daemon =
        tracked(ProcessTree.awaitPids(dir.resolve("pids"), 1, Duration.ofSeconds(1))).get(0);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(output.get("status")).isEqualTo(0);
    assertThat(output.get("stdout")).isEqualTo("started\n");
    // a daemon the activity meant to start is left running
    assertThat(ProcessTree.gone(daemon)).isFalse();
  }

  @Test
  void waitingForABackgroundProcessThatHoldsTheOutputOpenIsWarnedAbout() throws Exception {
    // The child writes more than a pipe holds before it exits, so it cannot exit before the
    // provider has begun reading its output: only then can the provider see that the pipe outlives
    // the child (when a child is gone before its output is read, the JDK closes the pipe itself).
    String script =
        "sleep 30 & echo $! > pids; head -c " + 4 * PIPE_CAPACITY + " /dev/zero | tr '\\0' x; echo";
    try (LogCapture log = LogCapture.ofThisThread()) {
      Map<?, ?> output =
          (Map<?, ?>)
              provider.run(
                  probe(Map.of("path", "sh", "arguments", List.of("-c", script))),
                  ProviderContext.empty(dir));
      long daemon =
          tracked(ProcessTree.awaitPids(dir.resolve("pids"), 1, Duration.ofSeconds(1))).get(0);

      assertThat(output.get("status")).isEqualTo(0);
      assertThat(output.get("stdout")).isEqualTo("x".repeat(4 * PIPE_CAPACITY) + "\n");
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .endsWith(
              "sh exited but a process it started in the background still holds its output open;"
                  + " the output read so far is kept");
      assertThat(ProcessTree.gone(daemon)).isFalse();
    }
  }

  /**
   * The pids, after taking handles of those alive: cleanup kills them, never a pid reused since.
   */
  private List<Long> tracked(List<Long> pids) {
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(leftovers::add));
    return pids;
  }
}
