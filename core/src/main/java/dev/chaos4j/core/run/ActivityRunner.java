package dev.chaos4j.core.run;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.RunControls;
import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.value.Py;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one activity between its controls: pause before, provider call (unless dry), pause
 * after, and the run record the journal keeps. The record is added to its journal list when the
 * activity starts, so an interrupted activity still shows in the journal (without a status, as in
 * the reference).
 */
final class ActivityRunner {
  private static final Log LOG = Log.of(ActivityRunner.class);

  private final Providers providers;
  private final RunEnvironment environment;
  private final Dry dry;
  private final RunControls controls;
  private final Runnable afterEach;
  private final Level announce;
  private final ActivityOutputs outputs;

  /**
   * @param dry the run's dry mode, or null
   * @param controls the controls around each activity
   * @param afterEach called once each activity is over, controls included
   * @param outputs where outputs are kept for later activities, or null when the run does not use
   *     them (the reference's behaviour)
   */
  ActivityRunner(
      Providers providers,
      RunEnvironment environment,
      Dry dry,
      RunControls controls,
      Runnable afterEach,
      ActivityOutputs outputs) {
    this(providers, environment, dry, controls, afterEach, Level.INFO, outputs);
  }

  /** A runner of activities that are not the experiment's (safeguard probes): real, quiet. */
  ActivityRunner(Providers providers, RunEnvironment environment, RunControls controls) {
    this(providers, environment, null, controls, () -> {}, Level.DEBUG, null);
  }

  private ActivityRunner(
      Providers providers,
      RunEnvironment environment,
      Dry dry,
      RunControls controls,
      Runnable afterEach,
      Level announce,
      ActivityOutputs outputs) {
    this.providers = providers;
    this.environment = environment;
    this.dry = dry;
    this.controls = controls;
    this.afterEach = afterEach;
    this.announce = announce;
    this.outputs = outputs;
  }

  /**
   * Runs the activity between its before and after controls and returns its record, already
   * appended to {@code records}.
   *
   * @throws InterruptExecution when the run is interrupted meanwhile (a control included)
   * @throws ChaosException for errors the reference does not catch (they abort the method)
   */
  Map<String, Object> execute(Map<String, Object> activity, List<Object> records) {
    Map<String, Object> record = null;
    try {
      controls.before(Control.Level.ACTIVITY, activity);
      record = play(activity, records);
      return record;
    } finally {
      try {
        controls.after(Control.Level.ACTIVITY, activity, record);
      } finally {
        afterEach.run();
      }
    }
  }

  private Map<String, Object> play(Map<String, Object> activity, List<Object> records) {
    String type = String.valueOf(activity.get("type"));
    String name = String.valueOf(activity.get("name"));
    boolean background = Boolean.TRUE.equals(activity.get("background"));
    LOG.log(
        announce,
        (type.equals("action") ? "Action: " : "Probe: ")
            + name
            + (background ? " (in background)" : ""),
        null);
    boolean skipped = dry != null && dry.skips(type);
    boolean noPauses = dry != null && dry.skipsPauses(type);
    Map<String, Object> pauses = pauses(activity);
    RetryPolicy retry = RetryPolicy.of(activity);

    if (!noPauses) {
      pause(pauses.get("before"), "Pausing before next activity for %ss...", name);
    }
    // outputs are resolved after the pause: a background activity may have finished meanwhile
    Map<String, Object> call = activity;
    Map<String, Object> resolved = null;
    ActivityFailed unresolved = null;
    if (outputs != null && !skipped && ActivityOutputs.mentions(activity.get("provider"))) {
      resolved = new LinkedHashMap<>();
      try {
        call = new LinkedHashMap<>(activity);
        call.put("provider", outputs.substitute(activity.get("provider"), resolved));
      } catch (ActivityFailed e) {
        unresolved = e;
      }
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("activity", new LinkedHashMap<>(activity));
    if (resolved != null) {
      record.put("resolved", resolved);
    }
    record.put("output", null);
    Instant start = Instant.now();
    record.put("start", Timestamps.format(start));
    synchronized (records) {
      records.add(record);
    }
    List<Object> attempts = retry == RetryPolicy.NONE ? null : new ArrayList<>();
    try {
      if (unresolved != null) {
        fail(record, unresolved, null, start);
      } else {
        attempt(call, record, skipped, retry, attempts);
      }
    } finally {
      Instant end = Instant.now();
      record.put("end", Timestamps.format(end));
      record.put("duration", Timestamps.seconds(start, end));
      if (attempts != null) {
        record.put("attempts", attempts);
      }
    }
    if (outputs != null) {
      outputs.record(name, record);
    }
    if (!noPauses) {
      pause(pauses.get("after"), "Pausing after activity for %ss...", name);
    }
    return record;
  }

  /**
   * Runs the provider, again while it fails and the retry policy allows; the record holds the last
   * attempt's status, output and exception, and {@code attempts} (when retries are declared) each
   * attempt's.
   */
  private void attempt(
      Map<String, Object> activity,
      Map<String, Object> record,
      boolean skipped,
      RetryPolicy retry,
      List<Object> attempts) {
    for (int attempt = 1; ; attempt++) {
      // an attempt cut short by an interruption leaves no status, as the reference's activities
      record.put("output", null);
      record.remove("status");
      record.remove("exception");
      Instant start = Instant.now();
      try {
        Object output = skipped ? null : providers.run(activity, environment.providerContext());
        record.put("output", output);
        record.put("status", "succeeded");
        addAttempt(attempts, record, start);
        if (LOG.enabled(Level.DEBUG)) {
          LOG.debug(
              output == null
                  ? "  => succeeded without any result value"
                  : "  => succeeded with '" + Py.str(output) + "'");
        }
        return;
      } catch (ActivityFailed failed) {
        if (attempt >= retry.attempts()) {
          fail(record, failed, attempts, start);
          return;
        }
        record.put("status", "failed");
        record.put("exception", exceptionLines(failed));
        addAttempt(attempts, record, start);
        LOG.log(
            announce == Level.INFO ? Level.WARNING : Level.DEBUG,
            String.format(
                "  => failed (attempt %d of %d), retrying in %ss: %s",
                attempt, retry.attempts(), Py.str(retry.delay()), failed.getMessage()),
            null);
        sleep(retry.delay());
      }
    }
  }

  private void fail(
      Map<String, Object> record, ActivityFailed failed, List<Object> attempts, Instant start) {
    record.put("status", "failed");
    record.put("exception", exceptionLines(failed));
    addAttempt(attempts, record, start);
    // the failure of a control's activity is the control's to report
    LOG.log(
        announce == Level.INFO ? Level.ERROR : Level.DEBUG,
        "  => failed: " + failed.getMessage(),
        null);
  }

  private static void addAttempt(List<Object> attempts, Map<String, Object> record, Instant start) {
    if (attempts == null) {
      return;
    }
    Map<String, Object> attempt = new LinkedHashMap<>();
    attempt.put("attempt", attempts.size() + 1);
    attempt.put("status", record.get("status"));
    attempt.put("output", record.get("output"));
    if (record.containsKey("exception")) {
      attempt.put("exception", record.get("exception"));
    }
    Instant end = Instant.now();
    attempt.put("start", Timestamps.format(start));
    attempt.put("end", Timestamps.format(end));
    attempt.put("duration", Timestamps.seconds(start, end));
    attempts.add(attempt);
  }

  /** The journal's {@code exception} entry: formatted like a Python exception without trace. */
  static List<String> exceptionLines(ActivityFailed failed) {
    return List.of("chaoslib.exceptions.ActivityFailed: " + failed.getMessage() + "\n");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> pauses(Map<String, Object> activity) {
    Object p = activity.get("pauses");
    if (!(p instanceof Map<?, ?>)) {
      return Map.of();
    }
    Object substituted = Substitution.apply(p, environment.configuration(), environment.secrets());
    return (Map<String, Object>) substituted;
  }

  private static void pause(Object value, String message, String activity) {
    if (value == null) {
      return;
    }
    double seconds = seconds(value, activity);
    if (seconds <= 0) {
      return;
    }
    LOG.info(String.format(message, Py.str(value)));
    sleep(seconds);
  }

  /**
   * A pause in seconds. Numbers as in the reference; a numeric string (what {@code ${name}} gives
   * from a string configuration value) is accepted where the reference crashes.
   */
  private static double seconds(Object value, String activity) {
    if (value instanceof Boolean) {
      return (Boolean) value ? 1 : 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new ChaosException(
        "pause of activity '" + activity + "' is not a number: " + Py.repr(value));
  }

  /** Sleeps, ending at once with {@link InterruptExecution} when the thread is interrupted. */
  static void sleep(double seconds) {
    long nanos = (long) (seconds * 1_000_000_000L);
    try {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptExecution("interrupted during a pause");
    }
  }
}
