package dev.chaos4j.core.run;

import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.ControlRuntime;
import dev.chaos4j.core.control.GlobalControls;
import dev.chaos4j.core.control.RunControls;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.Providers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Plays one experiment as the reference does: hypothesis before, method (with the continuous
 * hypothesis and background activities), hypothesis after, rollbacks per strategy, with controls
 * around every level; and returns the journal. Interruptions end the run with status {@code
 * interrupted}; the journal is always returned, so the caller can always write it.
 */
public final class Runner {
  private static final Log LOG = Log.of(Runner.class);

  private final Providers providers;
  private final ToleranceCheck tolerances;
  private final GlobalControls controls;

  /** A runner that checks tolerances with the reference's rules. */
  public Runner(Providers providers) {
    this(providers, ToleranceCheck.REFERENCE);
  }

  /** A runner with its own tolerance check (tests, embedding); no global controls. */
  public Runner(Providers providers, ToleranceCheck tolerances) {
    this(providers, tolerances, GlobalControls.none());
  }

  /** A runner applying global controls, and finding the experiment's controls with their loader. */
  public Runner(Providers providers, ToleranceCheck tolerances, GlobalControls controls) {
    this.providers = providers;
    this.tolerances = tolerances;
    this.controls = controls;
  }

  /**
   * Runs the experiment.
   *
   * @param experiment the validated document (its title already substituted)
   * @param options strategies and dry mode
   * @param environment configuration, secrets and the process environment
   * @param interruption where stop requests arrive (signals, controls)
   * @return the journal, complete
   */
  public Map<String, Object> run(
      Map<String, Object> experiment,
      RunOptions options,
      RunEnvironment environment,
      Interruption interruption) {
    Instant started = Instant.now();
    Map<String, Object> journal = Journal.initialize(experiment, started);
    Play play = new Play(experiment, options, environment, interruption, journal);
    try (Interruption.Registration ignored = interruption.enterForeground()) {
      try {
        play.run();
      } finally {
        play.over = true;
      }
      Instant ended = Instant.now();
      if (journal.get("status") == null) {
        journal.put("status", "completed");
      }
      journal.put("end", Timestamps.format(ended));
      journal.put("duration", Timestamps.seconds(started, ended));
      boolean deviated = Boolean.TRUE.equals(journal.get("deviated"));
      LOG.info("Experiment ended with status: " + (deviated ? "deviated" : journal.get("status")));
      if (deviated) {
        LOG.info("The steady-state has deviated, a weakness may have been discovered");
      }
      play.controls.afterExperiment(journal);
      play.controls.cleanup();
    } finally {
      // a stop request that arrived after the last interruptible point must not leak out
      Thread.interrupted();
    }
    return journal;
  }

  /** The state of one run of the loop; what the run offers Java controls. */
  private final class Play implements ControlRuntime {
    private final Map<String, Object> experiment;
    private final RunOptions options;
    private final RunEnvironment environment;
    private final Interruption interruption;
    private final Map<String, Object> journal;
    private final RunControls controls;
    private final ActivityRunner activities;
    private final ActivityRunner controlActivities;
    private final HypothesisRunner hypothesis;
    private final RefResolver refs;

    /** Stop requests up to this count were already handled (rollbacks after an interruption). */
    private int handledRequests;

    /** Why a control asked to stop after the activity in progress; null while none did. */
    private volatile String stopAfterActivity;

    /** Set once rollbacks begin: from then on, controls may no longer stop the run on their own. */
    private volatile boolean rollingBack;

    /** Set once the loop is over. */
    private volatile boolean over;

    /**
     * The method activity whose failure failed the experiment (strict mode); null while none did.
     */
    private volatile String failedActivity;

    Play(
        Map<String, Object> experiment,
        RunOptions options,
        RunEnvironment environment,
        Interruption interruption,
        Map<String, Object> journal) {
      this.experiment = experiment;
      this.options = options;
      this.environment = environment;
      this.interruption = interruption;
      this.journal = journal;
      this.controls =
          new RunControls(
              Runner.this.controls,
              experiment,
              environment.configuration(),
              environment.secrets(),
              environment.settings(),
              this,
              interruption);
      this.activities =
          new ActivityRunner(
              providers,
              environment,
              options.dry(),
              controls,
              this::stopIfAskedAfterActivity,
              options.useOutputs() ? new ActivityOutputs() : null);
      // activities run on behalf of controls (safeguard probes) are not the experiment's: real
      // even in dry runs, as in the reference, and quiet in the log
      this.controlActivities = new ActivityRunner(providers, environment, controls);
      this.hypothesis =
          new HypothesisRunner(
              activities, providers, environment, tolerances, options.dry(), controls);
      this.refs = new RefResolver(experiment);
    }

    @Override
    public Map<String, Object> runActivity(Map<String, Object> activity) {
      return controlActivities.execute(activity, new ArrayList<>());
    }

    @Override
    public ToleranceCheck.Verdict checkTolerance(Map<String, Object> probe, Object output) {
      if (!probe.containsKey("tolerance")) {
        return ImplicitTolerance.check(probe, output);
      }
      return tolerances.check(
          probe.get("tolerance"),
          output,
          new Substitution(environment.configuration(), environment.secrets()),
          p -> providers.run(p, environment.providerContext()));
    }

    @Override
    public boolean interrupt(Interruption.Kind kind, String why) {
      if (rollingBack || over) {
        return false;
      }
      interruption.request(kind, why);
      return true;
    }

    @Override
    public boolean interruptAfterActivity(String why) {
      if (rollingBack || over) {
        return false;
      }
      if (stopAfterActivity == null) {
        stopAfterActivity = why;
      }
      return true;
    }

    /** Turns a control's request to stop after the current activity into a stop request. */
    private void stopIfAskedAfterActivity() {
      String why = stopAfterActivity;
      if (why != null && !rollingBack && !interruption.requested()) {
        interruption.request(Interruption.Kind.REQUEST, why);
      }
    }

    void run() {
      LOG.info("Running experiment: " + experiment.get("title"));
      if (options.dry() != null) {
        LOG.warning("Running experiment with dry " + options.dry().label());
      }
      controls.configure();
      LOG.info("Steady-state strategy: " + options.hypothesisStrategy().label());
      LOG.info("Rollbacks strategy: " + options.rollbackStrategyName());
      Map<String, Object> ssh = hypothesisWithProbes();
      if (ssh == null) {
        LOG.info("No steady state hypothesis defined. That's ok, just exploring.");
      }
      HypothesisStrategy strategy = options.hypothesisStrategy();
      boolean rollbacksAllowed = true;
      try {
        controls.before(Control.Level.EXPERIMENT, experiment);
        checkInterrupted();
        boolean proceed = true;
        if (ssh != null && strategy.before()) {
          proceed = hypothesisBefore(ssh);
        }
        if (proceed) {
          checkInterrupted();
          boolean methodCompleted = method(ssh != null && strategy.during() ? ssh : null);
          if (methodCompleted && ssh != null && strategy.after()) {
            checkInterrupted();
            hypothesisAfter(ssh);
          }
        }
        checkInterrupted();
      } catch (InterruptExecution e) {
        journal.put("status", "interrupted");
        rollbacksAllowed = reportInterruption(e);
      } catch (RuntimeException e) {
        // an unexpected error in a hypothesis probe: the reference crashes without a journal;
        // here the run ends aborted, rollbacks follow the strategy, and the journal is written
        if (interruption.requested()) {
          journal.put("status", "interrupted");
          rollbacksAllowed = reportInterruption(new InterruptExecution(message(e), e));
        } else {
          journal.put("status", "aborted");
          LOG.critical(
              "Experiment ran into an unexpected fatal error, aborting now: " + message(e));
          LOG.debug("abort cause", e);
        }
      }
      if (rollbacksAllowed) {
        rollbacks();
      }
    }

    /** Logs why the run stopped; returns whether rollbacks may still be played. */
    private boolean reportInterruption(InterruptExecution e) {
      Interruption.Kind kind = interruption.kind();
      if (kind == null || kind == Interruption.Kind.REQUEST) {
        LOG.critical(interruption.message() != null ? interruption.message() : e.getMessage());
        return true;
      }
      switch (kind) {
        case SIGINT -> LOG.warning("Received a termination signal (Ctrl-C)...");
        case SIGTERM -> LOG.critical("SIGTERM signal received");
        case GRACEFUL -> LOG.warning("Received the exit signal: 20");
        case UNGRACEFUL -> {
          LOG.warning("Received the exit signal: 30");
          LOG.warning("Ignoring rollbacks as per signal");
        }
        default -> LOG.critical(e.getMessage());
      }
      return kind.allowsRollbacks();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> hypothesisWithProbes() {
      Object h = experiment.get("steady-state-hypothesis");
      if (h instanceof Map<?, ?> m
          && m.get("probes") instanceof List<?> probes
          && !probes.isEmpty()) {
        return (Map<String, Object>) m;
      }
      return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> steadyStates() {
      return (Map<String, Object>) journal.get("steady_states");
    }

    /** Returns whether the method may be played. */
    private boolean hypothesisBefore(Map<String, Object> ssh) {
      Map<String, Object> state = hypothesis.evaluate(ssh, refs);
      steadyStates().put("before", state);
      if (Boolean.TRUE.equals(state.get("steady_state_met"))) {
        return true;
      }
      if (lastProbeFailed(state)) {
        journal.put("status", "failed");
      }
      return false;
    }

    private void hypothesisAfter(Map<String, Object> ssh) {
      Map<String, Object> state = hypothesis.evaluate(ssh, refs);
      steadyStates().put("after", state);
      if (!Boolean.TRUE.equals(state.get("steady_state_met"))) {
        journal.put("deviated", true);
        journal.put("status", lastProbeFailed(state) ? "failed" : "completed");
      }
    }

    private boolean lastProbeFailed(Map<String, Object> state) {
      List<?> probes = (List<?>) state.get("probes");
      if (probes.isEmpty()) {
        return false;
      }
      Object last = probes.get(probes.size() - 1);
      return last instanceof Map<?, ?> m && !"succeeded".equals(m.get("status"));
    }

    /** Plays the method; returns false when it was aborted. */
    @SuppressWarnings("unchecked")
    private boolean method(Map<String, Object> continuousHypothesis) {
      LOG.info("Playing your experiment's method now...");
      List<Object> records = (List<Object>) journal.get("run");
      ContinuousHypothesis continuous =
          continuousHypothesis == null
              ? null
              : ContinuousHypothesis.start(
                  () -> hypothesis.evaluate(continuousHypothesis, refs),
                  journal,
                  options,
                  interruption);
      try {
        try {
          controls.before(Control.Level.METHOD, experiment);
          List<Object> method = (List<Object>) experiment.getOrDefault("method", List.of());
          playBlock(method, records, true);
        } finally {
          controls.after(Control.Level.METHOD, experiment, records);
        }
        // strict mode: the experiment has failed, the hypothesis after would only blur that
        return failedActivity == null;
      } catch (InterruptExecution e) {
        throw e;
      } catch (RuntimeException e) {
        if (interruption.requested()) {
          throw new InterruptExecution(e.getMessage(), e);
        }
        journal.put("status", "aborted");
        LOG.critical("Experiment ran into an unexpected fatal error, aborting now: " + message(e));
        LOG.debug("abort cause", e);
        return false;
      } finally {
        if (continuous != null) {
          continuous.stop();
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void rollbacks() {
      rollingBack = true;
      boolean deviated = Boolean.TRUE.equals(journal.get("deviated"));
      Object status = journal.get("status");
      RollbackStrategy strategy = options.rollbackStrategy();
      boolean play =
          strategy != null
              && switch (strategy) {
                case ALWAYS -> true;
                case NEVER -> false;
                // a method that failed in strict mode may have left a fault in place: roll back
                case DEFAULT ->
                    (!"failed".equals(status) || failedActivity != null)
                        && !"interrupted".equals(status);
                case DEVIATED -> deviated;
              };
      if (strategy == RollbackStrategy.DEVIATED && !deviated) {
        LOG.warning(
            "Rollbacks were explicitly requested to be played only if the experiment deviated."
                + " Since it has not deviated, skipping the rollbacks execution");
      }
      if (!play) {
        return;
      }
      List<Object> rollbacks = (List<Object>) experiment.get("rollbacks");
      // a stop request during the method must not cut the rollbacks the strategy asked for
      handledRequests = interruption.requests();
      Thread.interrupted();
      LOG.info("Let's rollback...");
      List<Object> records = (List<Object>) journal.get("rollbacks");
      try {
        try {
          controls.before(Control.Level.ROLLBACK, experiment);
          if (rollbacks == null || rollbacks.isEmpty()) {
            LOG.info("No declared rollbacks, let's move on.");
          } else {
            playBlock(rollbacks, records, false);
          }
        } finally {
          controls.after(Control.Level.ROLLBACK, experiment, records);
        }
      } catch (InterruptExecution e) {
        journal.put("status", "interrupted");
        LOG.warning("Received an exit signal. Leaving without applying rollbacks.");
        reportUndone(rollbacks, records);
      } catch (RuntimeException e) {
        // the reference crashes here and writes no journal; a rollback that cannot be played
        // may leave a fault behind, so the run ends aborted, with its journal
        if (interruption.requests() > handledRequests) {
          journal.put("status", "interrupted");
        } else {
          journal.put("status", "aborted");
        }
        LOG.critical(
            "A rollback could not be played, the remaining ones are skipped: " + message(e));
        LOG.debug("rollback error", e);
      }
    }

    /**
     * Says which rollbacks were interrupted or never started, so the operator knows what may still
     * be in place (the reference leaves silently).
     */
    private void reportUndone(List<Object> rollbacks, List<Object> records) {
      if (rollbacks == null) {
        return;
      }
      java.util.Set<Object> finished = new java.util.HashSet<>();
      List<String> interrupted = new ArrayList<>();
      synchronized (records) {
        for (Object r : records) {
          if (r instanceof Map<?, ?> record && record.get("activity") instanceof Map<?, ?> a) {
            if (record.containsKey("status")) {
              finished.add(a.get("name"));
            } else {
              interrupted.add(String.valueOf(a.get("name")));
            }
          }
        }
      }
      List<String> notStarted = new ArrayList<>();
      for (Object item : rollbacks) {
        Object name =
            item instanceof Map<?, ?> m
                ? (m.containsKey("name") ? m.get("name") : m.get("ref"))
                : null;
        if (!finished.contains(name) && !interrupted.contains(String.valueOf(name))) {
          notStarted.add(String.valueOf(name));
        }
      }
      if (!interrupted.isEmpty() || !notStarted.isEmpty()) {
        LOG.error(
            "Rollbacks left undone, the system may still carry their faults: interrupted "
                + interrupted
                + ", not started "
                + notStarted);
      }
    }

    /**
     * Plays a block of activities in order; background ones run in a pool sized to their number and
     * the block waits for them at its end.
     */
    @SuppressWarnings("unchecked")
    private void playBlock(List<Object> block, List<Object> records, boolean isMethod) {
      long backgroundCount =
          block.stream()
              .filter(o -> o instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("background")))
              .count();
      ExecutorService pool =
          backgroundCount == 0
              ? null
              : Executors.newFixedThreadPool(
                  (int) backgroundCount,
                  r -> {
                    Thread t = new Thread(r, "chaos-background");
                    t.setDaemon(true);
                    return t;
                  });
      List<Future<?>> futures = new ArrayList<>();
      boolean waitForBackground = true;
      try {
        // by index: a control may add activities to the block as it runs (the repeat control)
        for (int i = 0; ; i++) {
          Object item;
          synchronized (block) {
            if (i >= block.size()) {
              break;
            }
            item = block.get(i);
          }
          checkInterrupted();
          if (isMethod && failedActivity != null) {
            break; // a background activity failed in strict mode
          }
          Map<String, Object> activity = refs.resolve((Map<String, Object>) item);
          if (Boolean.TRUE.equals(activity.get("background")) && pool != null) {
            futures.add(pool.submit(() -> runInBackground(activity, records, isMethod)));
          } else {
            failIfStrict(activities.execute(activity, records), isMethod);
          }
          if (isMethod && stopsMethod(journal.get("status"))) {
            break;
          }
        }
      } catch (InterruptExecution e) {
        Interruption.Kind kind = interruption.kind();
        waitForBackground = kind != null && kind.waitsForBackground();
        throw e;
      } finally {
        if (pool != null) {
          finish(pool, futures, waitForBackground);
        }
      }
    }

    /**
     * Strict mode ({@code fail_on_activity_failure}): a failed method activity fails the
     * experiment, and the method stops before its next activity.
     */
    private void failIfStrict(Map<String, Object> record, boolean isMethod) {
      if (!isMethod || !options.failOnActivityFailure() || !"failed".equals(record.get("status"))) {
        return;
      }
      synchronized (journal) {
        if (failedActivity != null || journal.get("status") != null) {
          return;
        }
        Object name = ((Map<?, ?>) record.get("activity")).get("name");
        failedActivity = String.valueOf(name);
        journal.put("status", "failed");
      }
      LOG.critical(
          "Activity '"
              + failedActivity
              + "' failed and failing on activity failure is on: the experiment has failed,"
              + " the method stops here");
    }

    private void runInBackground(
        Map<String, Object> activity, List<Object> records, boolean isMethod) {
      try (Interruption.Registration ignored = interruption.enterBackground()) {
        if (interruption.requests() > handledRequests) {
          return;
        }
        failIfStrict(activities.execute(activity, records), isMethod);
      } catch (InterruptExecution e) {
        LOG.debug("background activity '" + activity.get("name") + "' interrupted");
      } catch (RuntimeException e) {
        LOG.error(
            "background activity '" + activity.get("name") + "' ran into an error: " + message(e));
      }
    }

    private void finish(ExecutorService pool, List<Future<?>> futures, boolean wait) {
      if (!wait) {
        pool.shutdownNow();
        return;
      }
      pool.shutdown();
      boolean interrupted = false;
      for (Future<?> f : futures) {
        while (true) {
          try {
            f.get();
            break;
          } catch (InterruptedException e) {
            // a stop request arrived while waiting: graceful ones let background work finish
            interrupted = true;
            Interruption.Kind kind = interruption.kind();
            if (kind == null || !kind.waitsForBackground()) {
              pool.shutdownNow();
              awaitQuietly(pool);
              Thread.currentThread().interrupt();
              throw new InterruptExecution("interrupted while waiting for background activities");
            }
          } catch (java.util.concurrent.ExecutionException e) {
            break;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private void awaitQuietly(ExecutorService pool) {
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void checkInterrupted() {
      stopIfAskedAfterActivity();
      if (interruption.requests() > handledRequests || Thread.currentThread().isInterrupted()) {
        throw new InterruptExecution(
            interruption.message() == null ? "interrupted" : interruption.message());
      }
    }
  }

  private static boolean stopsMethod(Object status) {
    return "aborted".equals(status) || "failed".equals(status) || "interrupted".equals(status);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Builds the journal's initial content. */
  static final class Journal {
    private Journal() {}

    static Map<String, Object> initialize(Map<String, Object> experiment, Instant start) {
      Map<String, Object> journal = new LinkedHashMap<>();
      journal.put("chaoslib-version", Platform.COMPATIBLE_LIB_VERSION);
      journal.put("platform", Platform.description());
      journal.put("node", Platform.node());
      journal.put("experiment", new LinkedHashMap<>(experiment));
      journal.put("start", Timestamps.format(start));
      journal.put("status", null);
      journal.put("deviated", false);
      Map<String, Object> states = new LinkedHashMap<>();
      states.put("before", null);
      states.put("after", null);
      states.put("during", java.util.Collections.synchronizedList(new ArrayList<>()));
      journal.put("steady_states", states);
      journal.put("run", java.util.Collections.synchronizedList(new ArrayList<>()));
      journal.put("rollbacks", java.util.Collections.synchronizedList(new ArrayList<>()));
      return journal;
    }
  }
}
