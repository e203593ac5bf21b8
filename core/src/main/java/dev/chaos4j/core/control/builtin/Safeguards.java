package dev.chaos4j.core.control.builtin;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.ControlCall;
import dev.chaos4j.core.control.ControlModule;
import dev.chaos4j.core.control.ControlRuntime;
import dev.chaos4j.core.control.ControlValidation;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.run.ToleranceCheck;
import dev.chaos4j.core.tolerance.ToleranceValidator;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code chaosaddons.controls.safeguards} control: probes that keep an eye on the system while
 * the experiment runs, and stop it when one is out of its tolerance.
 *
 * <pre>{@code
 * {"name": "safeguard", "provider": {"type": "python", "module": "chaosaddons.controls.safeguards",
 *   "arguments": {"probes": [
 *     {"name": "up-before", "type": "probe", "provider": {...}, "tolerance": 200},
 *     {"name": "up-once", "type": "probe", "provider": {...}, "tolerance": 200, "background": true},
 *     {"name": "up-always", "type": "probe", "provider": {...}, "tolerance": 200, "frequency": 2}],
 *   "interrupt_after_activity": false}}}
 * }</pre>
 *
 * <p>When the experiment starts, probes without {@code background} nor {@code frequency} run first
 * and the experiment waits for them; {@code background} probes run once, alongside the experiment;
 * {@code frequency} probes run every so many seconds until the experiment ends. The first probe
 * that fails or misses its tolerance stops the run as the reference's add-on does, like a SIGUSR1
 * (status {@code interrupted}, background activities finish, rollbacks per strategy), or, with
 * {@code interrupt_after_activity}, once the activity in progress ends. Once rollbacks begin,
 * safeguards no longer stop the run: that would leave the injected fault in place.
 */
public final class Safeguards implements Control {
  /** The reference's module name. */
  public static final String MODULE = "chaosaddons.controls.safeguards";

  private static final Log LOG = Log.of(Safeguards.class);

  /** Registers {@link Safeguards} under {@link #MODULE}. */
  public static final class Module implements ControlModule {
    @Override
    public String module() {
      return MODULE;
    }

    @Override
    public Control create() {
      return new Safeguards();
    }
  }

  private Guard guard;

  @Override
  public void before(ControlCall call) {
    if (call.level() != Level.EXPERIMENT || call.runtime() == null) {
      return;
    }
    Guard started =
        new Guard(
            probes(call.arguments().get("probes")),
            Py.truthy(call.arguments().get("interrupt_after_activity")),
            call.runtime());
    synchronized (this) {
      if (guard != null) {
        guard.stop();
      }
      guard = started;
    }
    started.start();
  }

  @Override
  public void after(ControlCall call) {
    if (call.level() == Level.EXPERIMENT) {
      stop();
    }
  }

  @Override
  public void cleanup() {
    stop();
  }

  @Override
  public void validate(Map<String, Object> declaration, ControlValidation validation) {
    Object arguments =
        declaration.get("provider") instanceof Map<?, ?> p ? p.get("arguments") : null;
    Object probes = arguments instanceof Map<?, ?> a ? a.get("probes") : null;
    if (!(probes instanceof List<?> list) || list.isEmpty()) {
      throw new InvalidActivity("safeguard control must have at least one probe");
    }
    for (Map<String, Object> probe : probes(list)) {
      validation.checkActivity(probe);
      Object name = probe.get("name");
      if (!"probe".equals(probe.get("type"))) {
        throw new InvalidActivity(
            "safeguard control '"
                + name
                + "' should be of type 'probe' not '"
                + probe.get("type")
                + "'");
      }
      if (!probe.containsKey("tolerance")) {
        throw new InvalidActivity(
            "safeguard control is invalid as the probe '"
                + name
                + "' is missing a tolerance property");
      }
      ToleranceValidator.validate(probe.get("tolerance"));
      Object frequency = probe.get("frequency");
      if (frequency != null && !(Py.isNumber(frequency) && Py.compare(frequency, 0) > 0)) {
        throw new InvalidActivity(
            "safeguard probe '" + name + "' frequency must be a positive number of seconds");
      }
    }
  }

  private synchronized void stop() {
    if (guard != null) {
      guard.stop();
      guard = null;
    }
  }

  /** A probe's {@code frequency}: a number, or a numeric string (what a substitution gives). */
  private static double seconds(Map<String, Object> probe) {
    Object frequency = probe.get("frequency");
    if (frequency instanceof Number n && n.doubleValue() > 0) {
      return n.doubleValue();
    }
    if (frequency instanceof String s) {
      try {
        double seconds = Double.parseDouble(s.trim());
        if (seconds > 0) {
          return seconds;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new InvalidActivity(
        "safeguard probe '"
            + probe.get("name")
            + "' frequency must be a positive number of seconds, not "
            + Py.repr(frequency));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> probes(Object declared) {
    List<Map<String, Object>> probes = new ArrayList<>();
    if (declared instanceof List<?> list) {
      for (Object p : list) {
        if (!(p instanceof Map<?, ?> m)) {
          throw new InvalidActivity("safeguard probes must be activities, not " + Py.typeName(p));
        }
        probes.add((Map<String, Object>) m);
      }
    }
    return probes;
  }

  /** The safeguards of one run: their threads, and whether one has stopped the run yet. */
  private static final class Guard {
    private final List<Map<String, Object>> probes;
    private final boolean afterActivity;
    private final ControlRuntime runtime;
    private final AtomicBoolean tripped = new AtomicBoolean();
    private final Object lock = new Object();
    private final ExecutorService pool;
    private volatile boolean stopped;

    Guard(List<Map<String, Object>> probes, boolean afterActivity, ControlRuntime runtime) {
      this.probes = probes;
      this.afterActivity = afterActivity;
      this.runtime = runtime;
      this.pool =
          Executors.newFixedThreadPool(
              Math.max(1, probes.size()),
              r -> {
                Thread t = new Thread(r, "chaos-safeguard");
                t.setDaemon(true);
                return t;
              });
    }

    /** Starts the watching probes, then runs the blocking ones and waits for them. */
    void start() {
      List<Map<String, Object>> blocking = new ArrayList<>();
      for (Map<String, Object> probe : probes) {
        if (Py.truthy(probe.get("frequency"))) {
          double every = seconds(probe);
          pool.execute(() -> watch(probe, every));
        } else if (Py.truthy(probe.get("background"))) {
          pool.execute(() -> watch(probe, 0));
        } else {
          blocking.add(probe);
        }
      }
      if (blocking.isEmpty()) {
        return;
      }
      List<Future<ToleranceCheck.Verdict>> verdicts = new ArrayList<>();
      for (Map<String, Object> probe : blocking) {
        verdicts.add(pool.submit(() -> check(probe)));
      }
      for (int i = 0; i < blocking.size(); i++) {
        ToleranceCheck.Verdict verdict;
        try {
          verdict = verdicts.get(i).get();
        } catch (InterruptedException e) {
          stop();
          Thread.currentThread().interrupt();
          throw new InterruptExecution("interrupted while the safeguards were checked");
        } catch (ExecutionException e) {
          report(blocking.get(i), e.getCause());
          continue;
        }
        if (!verdict.met()) {
          trip(blocking.get(i), verdict);
          return;
        }
      }
    }

    /** Runs a probe once ({@code every} 0) or every so many seconds, until it trips or stops. */
    private void watch(Map<String, Object> probe, double every) {
      try {
        do {
          ToleranceCheck.Verdict verdict = check(probe);
          if (!verdict.met()) {
            trip(probe, verdict);
            return;
          }
        } while (every > 0 && pause(every));
      } catch (RuntimeException e) {
        report(probe, e);
      }
    }

    private ToleranceCheck.Verdict check(Map<String, Object> probe) {
      Map<String, Object> run = runtime.runActivity(probe);
      if (!"succeeded".equals(run.get("status"))) {
        return new ToleranceCheck.Verdict(false, "the probe failed: " + failure(run));
      }
      return runtime.checkTolerance(probe, run.get("output"));
    }

    private static String failure(Map<String, Object> run) {
      if (!(run.get("exception") instanceof List<?> lines) || lines.isEmpty()) {
        return "no reason given";
      }
      String line = String.valueOf(lines.get(lines.size() - 1)).strip();
      String prefix = "chaoslib.exceptions.ActivityFailed: ";
      return line.startsWith(prefix) ? line.substring(prefix.length()) : line;
    }

    private void trip(Map<String, Object> probe, ToleranceCheck.Verdict verdict) {
      if (stopped || !tripped.compareAndSet(false, true)) {
        return;
      }
      String why =
          "Safeguard '"
              + probe.get("name")
              + "' triggered the end of the experiment"
              + (verdict.explanation() == null ? "" : ": " + verdict.explanation());
      boolean accepted =
          afterActivity
              ? runtime.interruptAfterActivity(why)
              : runtime.interrupt(Interruption.Kind.GRACEFUL, why);
      if (accepted) {
        LOG.critical(why + (afterActivity ? " (once the current activity ends)" : ""));
      } else {
        LOG.warning(
            "Safeguard '"
                + probe.get("name")
                + "' is out of its tolerance, but the experiment is already rolling back or over,"
                + " so it carries on: "
                + verdict.explanation());
      }
    }

    private void report(Map<String, Object> probe, Throwable e) {
      if (stopped || e instanceof InterruptExecution) {
        LOG.debug("Safeguard '" + probe.get("name") + "' stopped");
        return;
      }
      LOG.error(
          "Safeguard '"
              + probe.get("name")
              + "' could not be run: "
              + (e instanceof ChaosException ? e.getMessage() : String.valueOf(e)));
      LOG.debug("safeguard failure", e);
    }

    /** Waits between two runs of a probe; false when the guard stops meanwhile. */
    private boolean pause(double seconds) {
      long deadline = System.nanoTime() + (long) (seconds * 1_000_000_000L);
      synchronized (lock) {
        while (!stopped) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return true;
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
          } catch (InterruptedException e) {
            return false;
          }
        }
      }
      return false;
    }

    /** Stops every probe (their threads are interrupted) and waits a bounded time for them. */
    void stop() {
      stopped = true;
      synchronized (lock) {
        lock.notifyAll();
      }
      pool.shutdownNow();
      boolean interrupted = Thread.interrupted();
      try {
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
          LOG.warning("Some safeguard probes did not stop within 5 s; they are left behind");
        }
      } catch (InterruptedException e) {
        interrupted = true;
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
