package dev.chaos4j.core.run;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Py;
import java.util.Map;

/**
 * Decides the hypothesis and rollback strategies of a run with the reference's precedence: settings
 * {@code runtime} &lt; experiment {@code runtime} &lt; command-line flag. As in the reference, an
 * experiment {@code runtime} block replaces the settings' one as a whole (a key it leaves out falls
 * back to {@code default}, not to the settings).
 */
public final class Strategies {
  private static final Log LOG = Log.of(Strategies.class);

  private Strategies() {}

  /** The hypothesis strategy: the flag when given, else the runtime blocks, else default. */
  public static HypothesisStrategy hypothesis(
      String flag, Map<String, Object> experiment, Map<String, Object> settings) {
    String name = flag != null ? flag : runtimeValue(experiment, settings, "hypothesis");
    if (name == null) {
      return HypothesisStrategy.DEFAULT;
    }
    if (name.equals("continously")) {
      LOG.warning(
          "The 'continously' hypothesis strategy is a misspelt alias, use 'continuously' instead");
    }
    return HypothesisStrategy.parse(name)
        .orElseThrow(
            () ->
                new ChaosException(
                    "Unknown hypothesis strategy '" + name + "' in the runtime block"));
  }

  /**
   * The rollback strategy name: the flag when given, else the runtime blocks, else default. A name
   * the reference does not know plays no rollback ({@link #rollback} gives null).
   */
  public static String rollbackName(
      String flag, Map<String, Object> experiment, Map<String, Object> settings) {
    String name = flag != null ? flag : runtimeValue(experiment, settings, "rollbacks");
    return name == null ? "default" : name;
  }

  /** The strategy for a name, or null (with a warning) for an unknown one. */
  public static RollbackStrategy rollback(String name) {
    RollbackStrategy strategy = RollbackStrategy.parse(name).orElse(null);
    if (strategy == null) {
      LOG.warning(
          "Unknown rollback strategy '"
              + name
              + "': no rollback will be played (default, always, never and deviated are known)");
    }
    return strategy;
  }

  /**
   * An extension's switch: on when its flag is given, else the {@code runtime} key of that name in
   * the experiment's block, else in the settings' block (same precedence as the strategies); off by
   * default, so runs behave as the reference's.
   *
   * @throws ChaosException when the key holds anything but true or false
   */
  public static boolean enabled(
      boolean flag, String key, Map<String, Object> experiment, Map<String, Object> settings) {
    if (flag) {
      return true;
    }
    Object runtime = runtimeBlock(experiment, settings);
    Object value = runtime instanceof Map<?, ?> r ? r.get(key) : null;
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw new ChaosException(
        "runtime key '" + key + "' must be true or false, not " + Py.repr(value));
  }

  private static Object runtimeBlock(Map<String, Object> experiment, Map<String, Object> settings) {
    Object runtime = experiment.get("runtime");
    if (!(runtime instanceof Map<?, ?>)) {
      runtime = settings == null ? null : settings.get("runtime");
    }
    return runtime;
  }

  private static String runtimeValue(
      Map<String, Object> experiment, Map<String, Object> settings, String section) {
    if (runtimeBlock(experiment, settings) instanceof Map<?, ?> r
        && r.get(section) instanceof Map<?, ?> s
        && s.get("strategy") != null) {
      return String.valueOf(s.get("strategy"));
    }
    return null;
  }
}
