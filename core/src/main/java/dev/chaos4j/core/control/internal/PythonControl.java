package dev.chaos4j.core.control.internal;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InvalidControl;
import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.ControlCall;
import dev.chaos4j.core.control.ControlValidation;
import dev.chaos4j.core.extension.Parameter;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.python.Inspection;
import dev.chaos4j.core.provider.python.PythonBridge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A control implemented by a Python module, called through the {@link PythonBridge} with the
 * reference's keyword arguments: {@code context=} always, the declaration's arguments, and {@code
 * secrets}, {@code configuration}, {@code state}, {@code experiment}, {@code extensions}, {@code
 * settings} when the function declares them. What the function changes in the context, the state,
 * the experiment, the configuration or the secrets is copied back into the run's own.
 */
public final class PythonControl implements Control {
  private static final List<String> MUTABLE =
      List.of("context", "state", "experiment", "configuration", "secrets");

  private final PythonBridge bridge;
  private final String module;
  private final ProviderContext context;

  /**
   * @param bridge the interpreter
   * @param module the control module
   * @param context where Python runs (working directory, environment)
   */
  public PythonControl(PythonBridge bridge, String module, ProviderContext context) {
    this.bridge = bridge;
    this.module = module;
    this.context = context;
  }

  @Override
  public void configure(ControlCall call) {
    Set<String> parameters = parameters("configure_control");
    if (parameters == null) {
      return;
    }
    Map<String, Object> keywords = new LinkedHashMap<>(call.arguments());
    inject(parameters, "experiment", call.experiment(), keywords);
    inject(parameters, "secrets", call.secrets(), keywords);
    inject(parameters, "configuration", call.configuration(), keywords);
    inject(parameters, "settings", call.settings(), keywords);
    inject(parameters, "event_registry", null, keywords);
    call("configure_control", List.of(), keywords, Map.of(), call);
  }

  @Override
  public void before(ControlCall call) {
    hook(call.level().functionName(true), call);
  }

  @Override
  public void after(ControlCall call) {
    hook(call.level().functionName(false), call);
  }

  @Override
  public void cleanup() {
    if (parameters("cleanup_control") != null) {
      bridge.callControl(
          module, "cleanup_control", List.of(), Map.of(), Map.of(), List.of(), context);
    }
  }

  @Override
  public void validate(Map<String, Object> declaration, ControlValidation validation) {
    if (parameters("validate_control") == null) {
      return;
    }
    try {
      bridge.callControl(
          module, "validate_control", List.of(declaration), Map.of(), Map.of(), List.of(), context);
    } catch (ChaosException e) {
      throw new InvalidControl(e.getMessage(), e);
    }
  }

  private void hook(String function, ControlCall call) {
    Set<String> parameters = parameters(function);
    if (parameters == null) {
      return;
    }
    Map<String, Object> keywords = new LinkedHashMap<>(call.arguments());
    inject(parameters, "secrets", call.secrets(), keywords);
    inject(parameters, "configuration", call.configuration(), keywords);
    inject(parameters, "state", call.state(), keywords);
    inject(parameters, "experiment", call.experiment(), keywords);
    if (parameters.contains("extensions")) {
      keywords.put(
          "extensions", call.experiment() == null ? null : call.experiment().get("extensions"));
    }
    inject(parameters, "settings", call.settings(), keywords);
    Map<String, String> aliases = Map.of();
    if (call.context() != null
        && call.context() == call.experiment()
        && keywords.containsKey("experiment")) {
      // one object in the run, one object in Python: a change through either is seen by both
      aliases = Map.of("context", "experiment");
    } else {
      keywords.put("context", call.context());
    }
    call(function, List.of(), keywords, aliases, call);
  }

  private void call(
      String function,
      List<Object> positional,
      Map<String, Object> keywords,
      Map<String, String> aliases,
      ControlCall call) {
    List<String> watched = new ArrayList<>();
    for (String name : MUTABLE) {
      if (keywords.containsKey(name) || aliases.containsKey(name)) {
        watched.add(name);
      }
    }
    Map<String, Object> changed =
        bridge.callControl(module, function, positional, keywords, aliases, watched, context);
    changed.forEach((name, value) -> InPlace.update(original(name, call), value));
  }

  private static Object original(String name, ControlCall call) {
    return switch (name) {
      case "context" -> call.context();
      case "state" -> call.state();
      case "experiment" -> call.experiment();
      case "configuration" -> call.configuration();
      case "secrets" -> call.secrets();
      default -> null;
    };
  }

  private static void inject(
      Set<String> parameters, String name, Object value, Map<String, Object> keywords) {
    if (parameters.contains(name)) {
      keywords.put(name, value);
    }
  }

  /** The function's parameter names, or null when the module has no such function. */
  private Set<String> parameters(String function) {
    Inspection inspection = bridge.inspect(module, function, context);
    if (inspection.status() != Inspection.Status.FUNCTION) {
      return null;
    }
    Set<String> names = new HashSet<>();
    for (Parameter p : inspection.parameters()) {
      names.add(p.name());
    }
    return names;
  }
}
