package dev.chaos4j.core.control;

import java.util.Map;

/**
 * What a hook receives: the reference's keyword arguments of a control function.
 *
 * <p>Maps are the live ones: a control may change the context, the state, the configuration or the
 * secrets, and the run sees its changes, as in the reference.
 *
 * @param name the control's declared name
 * @param level the level the hook surrounds; null for {@link Control#configure}
 * @param context the level's subject: the source string ({@link Control.Level#LOADER}), the
 *     experiment, the hypothesis or the activity
 * @param state what the level produced, for after hooks (see {@link Control.Level}); else null
 * @param arguments the declaration's {@code provider.arguments}, a copy; substituted with the
 *     configuration and secrets except for {@link Control#configure}
 * @param experiment the experiment; null around loading
 * @param configuration the run's configuration; null around loading
 * @param secrets the run's secrets, by scope; null around loading
 * @param settings the settings file's content (null for experiment controls at configure, as in the
 *     reference)
 * @param runtime what the run offers Java controls; null around loading
 */
public record ControlCall(
    String name,
    Control.Level level,
    Object context,
    Object state,
    Map<String, Object> arguments,
    Map<String, Object> experiment,
    Map<String, Object> configuration,
    Map<String, Object> secrets,
    Map<String, Object> settings,
    ControlRuntime runtime) {

  /** The context when it is a mapping (experiment, hypothesis, activity), else null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> contextMap() {
    return context instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  /** The state when it is a mapping (journal, hypothesis state, run record), else null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> stateMap() {
    return state instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }
}
