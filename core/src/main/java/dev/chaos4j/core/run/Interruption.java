package dev.chaos4j.core.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stop requests of one run (signals, controls) and the threads they stop.
 *
 * <p>A request is recorded once (the first wins) and interrupts the threads doing the work, so a
 * sleeping pause, a waiting child process or an HTTP exchange ends at once; providers turn that
 * interrupt into {@link dev.chaos4j.core.InterruptExecution}.
 */
public final class Interruption {

  /** What asked the run to stop, with the reference's consequences. */
  public enum Kind {
    /** Ctrl-C: stop now; rollbacks only with the {@code always} strategy. */
    SIGINT(false, true),
    /** SIGTERM: as Ctrl-C. */
    SIGTERM(false, true),
    /** SIGUSR1: graceful exit; background activities finish; rollbacks per strategy. */
    GRACEFUL(true, true),
    /** SIGUSR2: ungraceful exit; background activities stop; no rollbacks whatever the strategy. */
    UNGRACEFUL(false, false),
    /** A control (or a user of the API) interrupted the run: as Ctrl-C. */
    REQUEST(false, true);

    private final boolean waitsForBackground;
    private final boolean allowsRollbacks;

    Kind(boolean waitsForBackground, boolean allowsRollbacks) {
      this.waitsForBackground = waitsForBackground;
      this.allowsRollbacks = allowsRollbacks;
    }

    /** Whether background activities are left to finish. */
    public boolean waitsForBackground() {
      return waitsForBackground;
    }

    /** Whether the rollback strategy still applies (false: no rollbacks at all). */
    public boolean allowsRollbacks() {
      return allowsRollbacks;
    }
  }

  private final Set<Thread> foreground = ConcurrentHashMap.newKeySet();
  private final Set<Thread> background = ConcurrentHashMap.newKeySet();
  private volatile Kind kind;
  private volatile String message;
  private volatile int requests;

  /**
   * Records a stop request and interrupts the threads at work. Returns how many requests this run
   * has received so far (the CLI reports what is left undone on a second Ctrl-C).
   */
  public synchronized int request(Kind requested, String why) {
    requests++;
    if (kind == null) {
      kind = requested;
      message = why;
    }
    for (Thread t : foreground) {
      t.interrupt();
    }
    if (!requested.waitsForBackground()) {
      for (Thread t : background) {
        t.interrupt();
      }
    }
    return requests;
  }

  /** Whether a stop was requested. */
  public boolean requested() {
    return kind != null;
  }

  /** The first request's kind, or null. */
  public Kind kind() {
    return kind;
  }

  /** The first request's explanation, or null. */
  public String message() {
    return message;
  }

  /** Registers the calling thread as doing foreground work; returns the unregistration. */
  public Registration enterForeground() {
    return enter(foreground);
  }

  /** Registers the calling thread as running a background activity. */
  public Registration enterBackground() {
    return enter(background);
  }

  /**
   * How many stop requests arrived so far; work started after a count only stops for newer ones.
   */
  public int requests() {
    return requests;
  }

  private Registration enter(Set<Thread> set) {
    Thread t = Thread.currentThread();
    set.add(t);
    return () -> set.remove(t);
  }

  /** Ends a thread's registration. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
