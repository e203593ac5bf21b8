package dev.chaos4j.core.provider.process;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.log.Log;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process to its end: starts it, captures both output streams, enforces the timeout,
 * and on expiry or thread interruption kills the child and every process it started.
 */
final class ChildProcess {
  static final String TOO_LONG = "process activity took too long to complete";

  /**
   * How long output is still read once the child has exited. A background process it started may
   * keep the pipes open for as long as it lives; the reference then hangs, chaos4j returns what it
   * has read after this grace.
   */
  private static final long DRAIN_GRACE_MILLIS = 1000;

  /** How long a killed child is awaited, so that the activity ends with its processes gone. */
  private static final long KILL_WAIT_MILLIS = 2000;

  private static final Log LOG = Log.of(ProcessProvider.class);

  private ChildProcess() {}

  /** What a child left: its exit status and its captured output. */
  record Completed(int status, byte[] stdout, byte[] stderr, boolean truncated) {}

  /**
   * Runs a child to its end.
   *
   * @param builder the child to start, streams not yet redirected
   * @param program the program, as messages name it
   * @param timeout how long the child may run; null for no limit
   * @param captureLimit how many bytes of each stream to keep
   * @throws ActivityFailed when the timeout expires ({@value #TOO_LONG})
   * @throws ChaosException when the program cannot be started
   * @throws InterruptExecution when the thread is interrupted (its interrupt flag stays set)
   */
  static Completed run(ProcessBuilder builder, String program, Duration timeout, int captureLimit) {
    builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
    Process process;
    long started = System.nanoTime();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ChaosException("cannot start " + program + ": " + e.getMessage(), e);
    }
    OutputCapture stdout = OutputCapture.start(process.getInputStream(), captureLimit);
    OutputCapture stderr = OutputCapture.start(process.getErrorStream(), captureLimit);
    try {
      boolean exited;
      if (timeout == null) {
        process.waitFor();
        exited = true;
      } else {
        exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        // a child that outlived its timeout took too long, even when this thread (descheduled on
        // a loaded machine) only looked after it had exited
        exited = exited && System.nanoTime() - started <= timeout.toNanos();
      }
      if (!exited) {
        killTree(process);
        throw new ActivityFailed(TOO_LONG);
      }
      long drainEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_GRACE_MILLIS);
      boolean drained =
          stdout.awaitEnd(drainEnd - System.nanoTime(), TimeUnit.NANOSECONDS)
              & stderr.awaitEnd(drainEnd - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (!drained) {
        LOG.warning(
            program
                + " exited but a process it started in the background still holds its output"
                + " open; the output read so far is kept");
      }
      return new Completed(
          process.exitValue(),
          stdout.bytes(),
          stderr.bytes(),
          stdout.truncated() || stderr.truncated());
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new InterruptExecution("interrupted while running " + program, e);
    }
  }

  /**
   * Kills the child and its descendants with SIGKILL. The tree is collected while it is intact:
   * once the child dies, its children are adopted by another process and can no longer be found
   * from it. Collection repeats until no new process shows up, so that a fork racing the first look
   * is caught; a process that detaches itself (double fork, {@code setsid}) before that escapes, as
   * with any kill of a process tree.
   */
  static void killTree(Process process) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    for (int round = 0; round < 5; round++) {
      List<ProcessHandle> found = process.descendants().filter(tree::add).toList();
      if (found.isEmpty()) {
        break;
      }
    }
    // the child first, so that it starts nothing new when its children die
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    boolean interrupted = Thread.interrupted();
    try {
      process.waitFor(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
