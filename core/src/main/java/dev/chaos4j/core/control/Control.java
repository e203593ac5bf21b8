package dev.chaos4j.core.control;

import java.util.Locale;
import java.util.Map;

/**
 * A control: code the engine calls around the levels of a run, as the reference's Python control
 * modules. Every hook is optional.
 *
 * <p>Implementations are found by module name through {@link ControlModule} ({@code {"type":
 * "python", "module": M}} runs the Java control registered for {@code M} before trying Python), or
 * named by class ({@code {"type": "java", "class": C}}, with a public no-argument constructor). One
 * instance serves every declaration of the same name in a run, so it may keep state from {@link
 * #configure} to {@link #cleanup}; hooks of background activities run in other threads.
 *
 * <p>Throwing {@link dev.chaos4j.core.InterruptExecution} from a hook interrupts the run (status
 * {@code interrupted}); any other exception is logged and ignored, as in the reference.
 */
public interface Control {

  /** The levels of a run that controls surround. */
  enum Level {
    /** Around loading the experiment (global controls only); context: the source. */
    LOADER("loading_experiment"),
    /** Around the whole run; context: the experiment; state after: the journal. */
    EXPERIMENT("experiment"),
    /** Around each hypothesis evaluation; context: the hypothesis; state after: its state. */
    HYPOTHESIS("hypothesis"),
    /** Around the method; context: the experiment; state after: the list of method runs. */
    METHOD("method"),
    /** Around the rollbacks; context: the experiment; state after: the list of rollback runs. */
    ROLLBACK("rollback"),
    /** Around every activity; context: the activity; state after: its run record, or null. */
    ACTIVITY("activity");

    private final String pythonName;

    Level(String pythonName) {
      this.pythonName = pythonName;
    }

    /** The reference's function for this level, e.g. {@code before_activity_control}. */
    public String functionName(boolean before) {
      return (before ? "before_" : "after_") + pythonName + "_control";
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Called once at the start of a run ({@code configure_control}), with the declaration's arguments
   * as written. A global control that throws here is not applied during the run.
   */
  default void configure(ControlCall call) throws Exception {}

  /** Called before a level ({@code before_<level>_control}); {@code call.state()} is null. */
  default void before(ControlCall call) throws Exception {}

  /** Called after a level ({@code after_<level>_control}), also when it ended by an error. */
  default void after(ControlCall call) throws Exception {}

  /** Called once at the end of the run ({@code cleanup_control}). */
  default void cleanup() throws Exception {}

  /**
   * Checks the declaration at validation time ({@code validate_control}); throws {@link
   * dev.chaos4j.core.InvalidControl} or {@link dev.chaos4j.core.InvalidActivity} with a message
   * saying what is wrong.
   *
   * @param declaration the control as declared ({@code name}, {@code provider}, ...)
   * @param validation the engine's own rules, for activities declared in the arguments
   */
  default void validate(Map<String, Object> declaration, ControlValidation validation) {}
}
