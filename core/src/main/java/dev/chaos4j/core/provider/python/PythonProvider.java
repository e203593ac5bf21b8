package dev.chaos4j.core.provider.python;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.MissingModule;
import dev.chaos4j.core.extension.ArgumentBinder;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.extension.Invocations;
import dev.chaos4j.core.provider.Provider;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code python} provider ({@code {"type": "python", "module": M, "func": F, "arguments":
 * {...}, "secrets": [...]}}): runs {@code M.F} natively when an installed extension implements
 * module {@code M} in Java, otherwise in a real Python interpreter through the {@link
 * PythonBridge}. Validation and failures read as the reference's.
 */
public final class PythonProvider implements Provider {
  /** How many Java module names a "could not find Python module" message lists at most. */
  private static final int MODULES_SHOWN = 5;

  private final FunctionRegistry registry;
  private final PythonBridge bridge;

  /**
   * @param registry the Java implementations of Python modules
   * @param bridge the interpreter for the other modules (owned by the caller, who closes it)
   */
  public PythonProvider(FunctionRegistry registry, PythonBridge bridge) {
    this.registry = registry;
    this.bridge = bridge;
  }

  @Override
  public String type() {
    return "python";
  }

  @Override
  public void validate(Map<String, Object> activity, ProviderContext context) {
    Map<String, Object> provider = Invocations.provider(activity);
    Object module = provider.get("module");
    if (!Py.truthy(module)) {
      throw new InvalidActivity("a Python activity must have a module path");
    }
    Object func = provider.get("func");
    if (!Py.truthy(func)) {
      throw new InvalidActivity("a Python activity must have a function name");
    }
    String moduleName = Py.str(module);
    String funcName = Py.str(func);
    Object activityName = activity.get("name");
    Map<String, Object> arguments = Invocations.arguments(provider, activityName);
    if (registry.hasModule(moduleName)) {
      ActivityFunction function =
          registry
              .function(moduleName, funcName)
              .orElseThrow(() -> noSuchFunction(moduleName, funcName, activity));
      ArgumentBinder.check(function, arguments);
      return;
    }
    Inspection inspection;
    try {
      inspection = bridge.inspect(moduleName, funcName, context);
    } catch (PythonUnavailable e) {
      String reason =
          e.interpreterMissing()
              ? e.getMessage()
              : "asking " + bridge.executable() + " failed: " + e.getMessage();
      throw moduleNotFound(moduleName, activityName, reason);
    }
    switch (inspection.status()) {
      case MISSING ->
          throw moduleNotFound(moduleName, activityName, bridge.executable() + " cannot import it");
      case BROKEN ->
          throw moduleNotFound(
              moduleName,
              activityName,
              bridge.executable() + " cannot import it: " + inspection.error());
      case NOT_A_FUNCTION -> throw noSuchFunction(moduleName, funcName, activity);
      case NO_SIGNATURE ->
          throw new InvalidActivity(
              "the signature of Python function '"
                  + funcName
                  + "' of module '"
                  + moduleName
                  + "' cannot be read, so activity '"
                  + Py.str(activityName)
                  + "' cannot be checked nor run: "
                  + inspection.error());
      case FUNCTION -> ArgumentBinder.check(funcName, inspection.parameters(), arguments.keySet());
    }
  }

  @Override
  public Object run(Map<String, Object> activity, ProviderContext context) {
    Map<String, Object> provider = Invocations.provider(activity);
    String moduleName = Py.str(provider.get("module"));
    String funcName = Py.str(provider.get("func"));
    Map<String, Object> arguments;
    try {
      arguments = Invocations.arguments(provider, activity.get("name"));
    } catch (InvalidActivity e) {
      throw new ActivityFailed(e.getMessage(), e);
    }
    arguments = Invocations.substituted(arguments, context);
    Map<String, Object> secrets = Invocations.secrets(provider, context);
    Map<String, Object> configuration =
        context.configuration() == null ? Map.of() : context.configuration();
    if (registry.hasModule(moduleName)) {
      Optional<ActivityFunction> function = registry.function(moduleName, funcName);
      if (function.isEmpty()) {
        throw new ActivityFailed(noSuchFunction(moduleName, funcName, activity).getMessage());
      }
      return callJava(function.get(), arguments, configuration, secrets);
    }
    return bridge.call(
        moduleName, funcName, arguments, new LinkedHashMap<>(configuration), secrets, context);
  }

  private static Object callJava(
      ActivityFunction function,
      Map<String, Object> arguments,
      Map<String, Object> configuration,
      Map<String, Object> secrets) {
    Map<String, Object> bound;
    try {
      bound = ArgumentBinder.bind(function, arguments, configuration, secrets);
    } catch (InvalidActivity e) {
      throw new ActivityFailed(e.getMessage(), e);
    }
    try {
      return function.call(bound);
    } catch (VirtualMachineError | InterruptExecution e) {
      throw e;
    } catch (Exception | Error e) {
      String running = function.module() + "." + function.name();
      if (e instanceof InterruptedException
          || (Thread.currentThread().isInterrupted() && !(e instanceof ChaosException))) {
        Thread.currentThread().interrupt();
        throw new InterruptExecution("interrupted while running " + running, e);
      }
      throw new ActivityFailed(Invocations.describe(e), e);
    }
  }

  private static InvalidActivity noSuchFunction(
      String module, String func, Map<String, Object> activity) {
    return new InvalidActivity(
        "The python module '"
            + module
            + "' does not expose a function called '"
            + func
            + "' in "
            + Py.str(activity.get("type"))
            + " '"
            + Py.str(activity.get("name"))
            + "'");
  }

  /**
   * The reference's "could not find Python module" message, followed on the same line by why
   * neither chaos4j nor Python has it and which Java modules exist, closest names first.
   */
  private InvalidActivity moduleNotFound(String module, Object activityName, String pythonSide) {
    return new MissingModule(
        module,
        Py.str(activityName),
        "chaos4j has no Java implementation of it and "
            + pythonSide
            + " "
            + javaModulesHint(module));
  }

  private String javaModulesHint(String module) {
    List<String> names = new ArrayList<>(registry.moduleNames());
    if (names.isEmpty()) {
      return "(no Java modules are installed)";
    }
    names.sort(
        Comparator.comparingInt((String name) -> -commonPrefix(name, module))
            .thenComparing(Comparator.naturalOrder()));
    String shown = String.join(", ", names.subList(0, Math.min(MODULES_SHOWN, names.size())));
    return "(Java modules: " + shown + (names.size() > MODULES_SHOWN ? ", ...)" : ")");
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
