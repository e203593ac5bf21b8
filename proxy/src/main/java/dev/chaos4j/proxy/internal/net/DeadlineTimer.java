package dev.chaos4j.proxy.internal.net;

import io.netty.channel.EventLoop;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on an event loop at a deadline, to within tens of microseconds. An event loop's own
 * timers are only as precise as its wait for I/O, which is in whole milliseconds with Java NIO: a
 * task scheduled there runs up to a millisecond late, which a latency toxic would add to every
 * chunk. So a task waits on its event loop only until shortly before its deadline, then on the
 * server's one timer thread, which sleeps until just before the deadline, spins the last few tens
 * of microseconds, and hands the task back to its event loop.
 */
final class DeadlineTimer implements AutoCloseable {

  /**
   * How long before its deadline a task moves from its event loop to the timer thread: the event
   * loop's rounding (1 ms) and some scheduling delay. The timer thread thus only holds the tasks of
   * the next two milliseconds, and cancelling a later task stays on the event loop.
   */
  static final long HANDOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  /**
   * How long before a deadline the timer thread wakes, to spin the rest: Linux may wake a sleeping
   * thread up to 50 µs late (its default timer slack), more than the spin costs.
   */
  static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  private final ScheduledThreadPoolExecutor timerThread;

  DeadlineTimer() {
    // The thread starts with the first task that needs it.
    timerThread =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "chaos4j-proxy-timer");
              thread.setDaemon(true);
              return thread;
            });
    timerThread.setRemoveOnCancelPolicy(true);
    timerThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Runs {@code task} on {@code loop}, never before {@code deadline} ({@link System#nanoTime()}
   * units). Must be called, and the returned future cancelled, on {@code loop}'s thread.
   */
  Future<?> schedule(EventLoop loop, Runnable task, long deadline) {
    Deadline timed = new Deadline(loop, task, deadline);
    long remaining = deadline - System.nanoTime();
    if (remaining > HANDOFF_NANOS) {
      timed.pending =
          loop.schedule(timed::handOff, remaining - HANDOFF_NANOS, TimeUnit.NANOSECONDS);
    } else if (remaining > 0) {
      timed.waitOnTimerThread(remaining);
    } else {
      // Never inside the caller's call: it may not expect the task to have run already.
      loop.execute(timed);
    }
    return timed;
  }

  /** Stops the timer thread; tasks still waiting never run. */
  @Override
  public void close() {
    timerThread.shutdownNow();
  }

  /** A task on its way to its deadline; cancelling it stops whichever wait it is in. */
  private final class Deadline extends FutureTask<Void> {
    private final EventLoop loop;
    private final long deadline;

    /** The wait in progress, on the event loop or on the timer thread; event-loop thread only. */
    private Future<?> pending;

    Deadline(EventLoop loop, Runnable task, long deadline) {
      super(task, null);
      this.loop = loop;
      this.deadline = deadline;
    }

    /** On the event loop: runs the task if its time has come, or leaves the rest to the timer. */
    void handOff() {
      pending = null;
      if (isCancelled()) {
        return;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        run();
      } else {
        waitOnTimerThread(remaining);
      }
    }

    void waitOnTimerThread(long remaining) {
      try {
        pending =
            timerThread.schedule(this::backToLoop, remaining - SPIN_NANOS, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        // The server is closing: its connections, and their timers, are going away.
      }
    }

    /** On the timer thread, at most {@link #SPIN_NANOS} before the deadline. */
    private void backToLoop() {
      while (deadline - System.nanoTime() > 0 && !isCancelled()) {
        Thread.onSpinWait();
      }
      if (!isCancelled()) {
        loop.execute(this);
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (pending != null) {
        pending.cancel(false);
        pending = null;
      }
      return super.cancel(false);
    }
  }
}
