package dev.chaos4j.core.tolerance;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.jsonpath.JsonPath;
import dev.chaos4j.core.jsonpath.JsonPathException;
import dev.chaos4j.core.value.Py;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the tolerance of a steady-state hypothesis probe with the reference's rules, messages and
 * order. Values are checked as written: nothing is substituted at validation.
 *
 * <p>A {@code {"type": "probe", ...}} tolerance is an activity in its own right: this class accepts
 * it as it is, and the caller validates it as an activity (see {@link #isProbeActivity}), as the
 * reference does at that point of its checks.
 */
public final class ToleranceValidator {
  static final String MISSING = "hypothesis probe must have a tolerance entry";
  static final String WRONG_TYPE =
      "hypothesis probe tolerance must either be an integer, a string, a boolean or a pair of"
          + " values for boundaries. It can also be a dictionary which is a probe activity"
          + " definition that takes an argument called `value` with the value of the probe"
          + " itself to be validated";

  private ToleranceValidator() {}

  /**
   * Checks that a hypothesis probe has a tolerance and that the tolerance is valid. The probe
   * itself is expected to have been validated as an activity first.
   *
   * @throws InvalidActivity with the reference's message for the first problem found
   */
  public static void validateProbe(Map<String, Object> probe) {
    if (!probe.containsKey("tolerance")) {
      throw new InvalidActivity(MISSING);
    }
    validate(probe.get("tolerance"));
  }

  /**
   * Checks one tolerance: a boolean, an integer, a string, a list, or a mapping of type {@code
   * regex}, {@code jsonpath}, {@code range} or {@code probe}.
   *
   * @throws InvalidActivity with the reference's message for the first problem found
   */
  public static void validate(Object tolerance) {
    boolean accepted =
        tolerance instanceof Boolean
            || Py.isInt(tolerance)
            || tolerance instanceof List
            || tolerance instanceof String
            || tolerance instanceof Map;
    if (!accepted) {
      throw new InvalidActivity(WRONG_TYPE);
    }
    if (!(tolerance instanceof Map<?, ?> map)) {
      return;
    }
    Object type = map.get("type");
    if ("probe".equals(type)) {
      return;
    }
    if ("regex".equals(type)) {
      checkRegex(map);
    } else if ("jsonpath".equals(type)) {
      checkJsonPath(map);
    } else if ("range".equals(type)) {
      checkRange(map);
    } else {
      throw new InvalidActivity(
          "hypothesis probe tolerance type '" + Py.str(type) + "' is unsupported");
    }
  }

  /**
   * True when the tolerance is a probe activity ({@code "type": "probe"}), which the caller must
   * validate as an activity.
   */
  public static boolean isProbeActivity(Object tolerance) {
    return tolerance instanceof Map<?, ?> map && "probe".equals(map.get("type"));
  }

  private static void checkRegex(Map<?, ?> tolerance) {
    if (!tolerance.containsKey("pattern")) {
      throw new InvalidActivity("hypothesis regex probe tolerance must have a `pattern` key");
    }
    Object pattern = tolerance.get("pattern");
    if (!(pattern instanceof String text)) {
      throw new InvalidActivity(
          "hypothesis probe tolerance pattern " + Py.str(pattern) + " has an invalid type");
    }
    try {
      PythonRegex.compile(text);
    } catch (PatternSyntaxException e) {
      throw new InvalidActivity(
          "hypothesis probe tolerance pattern " + text + " seems invalid: " + e.getDescription(),
          e);
    }
  }

  /**
   * The reference strips the path before parsing it. A path that is not a string crashes the
   * reference's validation; here it gets the reference's own "invalid type" message.
   */
  private static void checkJsonPath(Map<?, ?> tolerance) {
    if (!tolerance.containsKey("path")) {
      throw new InvalidActivity("hypothesis jsonpath probe tolerance must have a `path` key");
    }
    Object raw = tolerance.get("path");
    if (!(raw instanceof String text)) {
      throw new InvalidActivity(
          "hypothesis probe tolerance JSON path " + Py.str(raw) + " has an invalid type");
    }
    String path = PythonText.strip(text);
    if (path.isEmpty()) {
      throw new InvalidActivity("hypothesis probe tolerance JSON path cannot be empty");
    }
    try {
      JsonPath.compile(path);
    } catch (JsonPathException e) {
      throw new InvalidActivity("hypothesis probe tolerance JSON path " + path + " is invalid", e);
    }
  }

  private static void checkRange(Map<?, ?> tolerance) {
    if (!tolerance.containsKey("range")) {
      throw new InvalidActivity("hypothesis range probe tolerance must have a `range` key");
    }
    if (!(tolerance.get("range") instanceof List<?> range)) {
      throw new InvalidActivity("hypothesis range must be a sequence");
    }
    if (range.size() != 2) {
      throw new InvalidActivity("hypothesis range sequence must be made of two values");
    }
    if (!Py.isNumeric(range.get(0))) {
      throw new InvalidActivity("hypothesis range lower boundary must be a number");
    }
    if (!Py.isNumeric(range.get(1))) {
      throw new InvalidActivity("hypothesis range upper boundary must be a number");
    }
  }
}
