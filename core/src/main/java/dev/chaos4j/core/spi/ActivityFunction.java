package dev.chaos4j.core.spi;

import java.util.List;
import java.util.Map;

/**
 * A probe or action implemented in Java and addressed by the reference's Python names, so that
 * {@code {"type": "python", "module": M, "func": F}} providers of existing experiments run it.
 *
 * <p>The engine binds an experiment's {@code arguments} against {@link #arguments()} (missing and
 * unknown names are validation errors), fills in defaults, and adds {@code configuration} and
 * {@code secrets} when the function declares arguments of those names.
 */
public interface ActivityFunction {

  /** The Python module path, e.g. {@code chaosk8s.pod.actions}. */
  String module();

  /** The Python function name, e.g. {@code terminate_pods}. */
  String name();

  /** Probe or action. */
  ActivityType type();

  /** The declared arguments, in signature order. */
  List<Argument> arguments();

  /** One paragraph saying what the function does. */
  String doc();

  /** The portable type of the returned value, or null when it returns nothing meaningful. */
  default String returnType() {
    return null;
  }

  /**
   * Runs the function.
   *
   * @param arguments every declared argument, bound (given values, then defaults; {@code
   *     configuration} and {@code secrets} injected when declared)
   * @return a JSON value (map, list, string, number, boolean or null)
   * @throws Exception any failure; the engine turns it into a failed activity whose message is the
   *     exception's type and message, as the reference does
   */
  Object call(Map<String, Object> arguments) throws Exception;
}
