package dev.chaos4j.core.control;

import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.run.ToleranceCheck;
import java.util.Map;

/** What a run in progress offers Java controls: its providers, its tolerances, its stop button. */
public interface ControlRuntime {

  /**
   * Runs an activity with the run's providers, configuration and secrets (and the activity-level
   * controls, as the reference does for safeguard probes), outside the journal.
   *
   * @return its run record ({@code activity, output, start, status, end, duration}, {@code
   *     exception} when it failed)
   * @throws dev.chaos4j.core.InterruptExecution when the calling thread is interrupted
   */
  Map<String, Object> runActivity(Map<String, Object> activity);

  /** Whether a probe's output is within its {@code tolerance}, with the engine's rules. */
  ToleranceCheck.Verdict checkTolerance(Map<String, Object> probe, Object output);

  /**
   * Stops the run now, as a signal of this kind would.
   *
   * @return false when the run is past the point where a control may stop it: rollbacks are being
   *     played (stopping them would leave the fault in place) or the run is over
   */
  boolean interrupt(Interruption.Kind kind, String why);

  /**
   * Stops the run once the activity in progress ends (as if a control raised {@code
   * InterruptExecution} after it), or at the next activity boundary.
   *
   * @return false when the run is past the point where a control may stop it
   */
  boolean interruptAfterActivity(String why);
}
