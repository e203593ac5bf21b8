package dev.chaos4j.core.run;

import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.log.Log;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluates the hypothesis over and over while the method runs ({@code during-method-only} and
 * {@code continuously} strategies), waiting the hypothesis frequency between two evaluations. Each
 * evaluation goes to {@code steady_states.during}; with fail-fast, the first deviation marks the
 * experiment failed, which stops the method at its next activity.
 */
final class ContinuousHypothesis implements Runnable {
  private static final Log LOG = Log.of(ContinuousHypothesis.class);

  private final Supplier<Map<String, Object>> evaluation;
  private final Map<String, Object> journal;
  private final RunOptions options;
  private final Interruption interruption;
  private final Object lock = new Object();
  private boolean stopped;
  private Thread thread;

  private ContinuousHypothesis(
      Supplier<Map<String, Object>> evaluation,
      Map<String, Object> journal,
      RunOptions options,
      Interruption interruption) {
    this.evaluation = evaluation;
    this.journal = journal;
    this.options = options;
    this.interruption = interruption;
  }

  static ContinuousHypothesis start(
      Supplier<Map<String, Object>> evaluation,
      Map<String, Object> journal,
      RunOptions options,
      Interruption interruption) {
    ContinuousHypothesis c = new ContinuousHypothesis(evaluation, journal, options, interruption);
    c.thread = new Thread(c, "chaos-continuous-hypothesis");
    c.thread.setDaemon(true);
    c.thread.start();
    return c;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void run() {
    LOG.debug(
        "Executing the steady-state hypothesis continuously every "
            + options.hypothesisFrequency()
            + " seconds");
    List<Object> during =
        (List<Object>) ((Map<String, Object>) journal.get("steady_states")).get("during");
    try (Interruption.Registration ignored = interruption.enterBackground()) {
      while (!isStopped()) {
        Object status = journal.get("status");
        if ("failed".equals(status) || "interrupted".equals(status) || "aborted".equals(status)) {
          return;
        }
        Map<String, Object> state = evaluation.get();
        during.add(state);
        if (!Boolean.TRUE.equals(state.get("steady_state_met"))) {
          List<?> probes = (List<?>) state.get("probes");
          Object last = probes.isEmpty() ? null : probes.get(probes.size() - 1);
          Object name =
              last instanceof Map<?, ?> m && m.get("activity") instanceof Map<?, ?> a
                  ? a.get("name")
                  : "?";
          LOG.warning("Continuous steady state probe '" + name + "' is not in the given tolerance");
          if (options.failFast()) {
            LOG.info("Terminating immediately the experiment after 100.0% hypothesis deviated");
            journal.put("status", "failed");
            return;
          }
        }
        waitFrequency();
      }
    } catch (InterruptExecution e) {
      LOG.debug("continuous hypothesis interrupted");
    } catch (RuntimeException e) {
      if (!isStopped()) {
        journal.put("status", "aborted");
        LOG.error("Continuous hypothesis ran into an error: " + e.getMessage());
      }
    }
  }

  private boolean isStopped() {
    synchronized (lock) {
      return stopped;
    }
  }

  private void waitFrequency() {
    long millis = (long) (options.hypothesisFrequency() * 1000);
    synchronized (lock) {
      long deadline = System.currentTimeMillis() + millis;
      while (!stopped) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptExecution("interrupted");
        }
      }
    }
  }

  /** Stops after the current evaluation and waits for it to end. */
  void stop() {
    synchronized (lock) {
      stopped = true;
      lock.notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
  }
}
