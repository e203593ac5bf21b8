package dev.chaos4j.core.control;

import java.util.Map;

/** The engine's rules a control's validation can apply to what its arguments declare. */
@FunctionalInterface
public interface ControlValidation {

  /**
   * Checks an activity declared inside a control (a safeguard probe, say) with the activity rules
   * and its provider's own.
   *
   * @throws dev.chaos4j.core.InvalidActivity on the first problem
   */
  void checkActivity(Map<String, Object> activity);
}
