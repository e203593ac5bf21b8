package dev.chaos4j.core.control;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.InvalidControl;
import dev.chaos4j.core.log.Log;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks the controls declared in an experiment (top level, hypothesis, activities) with the
 * reference's rules: a {@code ref} names a declared control, a control has a name and a provider, a
 * scope is {@code before} or {@code after}, a python control names a module, a java control a class
 * that is a {@link Control}; then the control's own {@link Control#validate} ({@code
 * validate_control}). A Python module nobody can load is a warning, as in the reference: the
 * experiment still runs.
 */
public final class ControlsValidator {
  private static final Log LOG = Log.of(ControlsValidator.class);

  private final Predicate<String> moduleAvailable;
  private final ControlLoader loader;
  private final ControlValidation rules;

  /**
   * A validator of declarations only, without the controls' own validation.
   *
   * @param moduleAvailable whether a control module can be loaded (a Java control of that name, or
   *     a Python module python3 can import)
   */
  public ControlsValidator(Predicate<String> moduleAvailable) {
    this.moduleAvailable = moduleAvailable;
    this.loader = null;
    this.rules = null;
  }

  /**
   * A validator that also loads each control and runs its own validation.
   *
   * @param loader what finds the controls
   * @param rules the engine's rules, for activities declared in control arguments
   */
  public ControlsValidator(ControlLoader loader, ControlValidation rules) {
    this.moduleAvailable = loader::moduleAvailable;
    this.loader = loader;
    this.rules = rules;
  }

  /** Validates every control of the experiment; throws the first problem. */
  public void check(Map<String, Object> experiment) {
    List<Map<?, ?>> controls = declaredControls(experiment);
    if (controls.isEmpty()) {
      return;
    }
    Set<Object> declared = new HashSet<>();
    for (Map<?, ?> c : controls) {
      if (!c.containsKey("ref")) {
        declared.add(c.get("name"));
      }
    }
    for (Map<?, ?> control : controls) {
      if (control.containsKey("ref")) {
        if (!declared.contains(control.get("ref"))) {
          throw new InvalidControl(
              "Control reference '" + control.get("ref") + "' declaration cannot be found");
        }
        continue;
      }
      if (!control.containsKey("name")) {
        throw new InvalidControl("A control must have a `name` property");
      }
      Object name = control.get("name");
      if (!(control.get("provider") instanceof Map<?, ?> provider)) {
        throw new InvalidControl("Control '" + name + "' must have a `provider` property");
      }
      Object scope = control.get("scope");
      if (scope != null && !"".equals(scope) && !"before".equals(scope) && !"after".equals(scope)) {
        throw new InvalidControl(
            "Control '" + name + "' scope property must be 'before' or 'after' only");
      }
      if ("python".equals(provider.get("type"))) {
        Object module = provider.get("module");
        if (!(module instanceof String m) || m.isEmpty()) {
          throw new InvalidActivity("Control '" + name + "' must have a module path");
        }
        if (!moduleAvailable.test(m)) {
          LOG.warning(
              "Could not find Python module '"
                  + m
                  + "' in control '"
                  + name
                  + "'. Did you install the Python module? The experiment will carry on running"
                  + " nonetheless.");
          continue;
        }
      }
      selfValidate(control, name);
    }
  }

  /** Loads the control and runs its own validation ({@code validate_control}). */
  @SuppressWarnings("unchecked")
  private void selfValidate(Map<?, ?> control, Object name) {
    if (loader == null) {
      return;
    }
    Map<String, Object> declaration = (Map<String, Object>) control;
    Optional<Control> implementation = loader.load(declaration);
    if (implementation.isEmpty()) {
      return;
    }
    try {
      implementation.get().validate(declaration, rules);
    } catch (ChaosException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidControl("Control '" + name + "' is invalid: " + e, e);
    }
  }

  /** Every control declaration of the document, top level first, then hypothesis, activities. */
  static List<Map<?, ?>> declaredControls(Map<String, Object> experiment) {
    List<Map<?, ?>> out = new ArrayList<>();
    addAll(experiment.get("controls"), out);
    if (experiment.get("steady-state-hypothesis") instanceof Map<?, ?> h) {
      addAll(h.get("controls"), out);
      if (h.get("probes") instanceof List<?> probes) {
        activityControls(probes, out);
      }
    }
    if (experiment.get("method") instanceof List<?> method) {
      activityControls(method, out);
    }
    if (experiment.get("rollbacks") instanceof List<?> rollbacks) {
      activityControls(rollbacks, out);
    }
    return out;
  }

  private static void activityControls(List<?> activities, List<Map<?, ?>> out) {
    for (Object a : activities) {
      if (a instanceof Map<?, ?> m) {
        addAll(m.get("controls"), out);
      }
    }
  }

  private static void addAll(Object controls, List<Map<?, ?>> out) {
    if (controls instanceof List<?> list) {
      for (Object c : list) {
        if (c instanceof Map<?, ?> m) {
          out.add(m);
        } else {
          throw new InvalidControl("a control must be a mapping with a name and a provider");
        }
      }
    }
  }
}
