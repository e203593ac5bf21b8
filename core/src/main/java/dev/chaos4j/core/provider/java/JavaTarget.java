package dev.chaos4j.core.provider.java;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.extension.ArgumentBinder;
import dev.chaos4j.core.extension.Invocations;
import dev.chaos4j.core.extension.Parameter;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Argument;
import dev.chaos4j.core.value.Py;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a {@code java} activity calls, resolved once: a public static method or a function. */
abstract class JavaTarget {
  /** How messages name it, e.g. {@code method 'com.acme.Checks.isUp'}. */
  private final String label;

  JavaTarget(String label) {
    this.label = label;
  }

  /**
   * Checks the activity's arguments against the target: names, and the values that are not
   * substituted later.
   *
   * @throws InvalidActivity on the first problem
   */
  abstract void validate(Map<String, Object> arguments, String activityName);

  /**
   * Calls the target.
   *
   * @param arguments substituted arguments
   * @param configuration the run's configuration, for a {@code configuration} parameter
   * @param secrets the activity's merged secrets, or null when it names no scope
   * @return the returned value as a JSON value
   * @throws ActivityFailed when the arguments do not fit or the code throws
   * @throws InterruptExecution when the code is interrupted
   */
  abstract Object call(
      Map<String, Object> arguments,
      Map<String, Object> configuration,
      Map<String, Object> secrets,
      String activityName);

  /** Reports the first binding problem with a message naming the activity and the target. */
  void checkNames(List<Parameter> signature, Map<String, Object> arguments, String activityName) {
    Optional<ArgumentBinder.Problem> problem =
        ArgumentBinder.problem(signature, arguments.keySet());
    if (problem.isEmpty()) {
      return;
    }
    String arg = Py.repr(problem.get().argument());
    throw new InvalidActivity(
        switch (problem.get().type()) {
          case MISSING ->
              "required argument "
                  + arg
                  + " of "
                  + label
                  + " is missing from activity '"
                  + activityName
                  + "'";
          case UNEXPECTED, POSITIONAL_ONLY ->
              "argument "
                  + arg
                  + " is not a parameter of "
                  + label
                  + " in activity '"
                  + activityName
                  + "'";
        });
  }

  /** Runs user code, turning what it throws into the activity's failure. */
  Object invoke(Invocation invocation) {
    try {
      return JavaValues.toJson(invocation.run());
    } catch (Throwable thrown) {
      Throwable error =
          thrown instanceof InvocationTargetException && thrown.getCause() != null
              ? thrown.getCause()
              : thrown;
      if (error instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      if (error instanceof InterruptExecution interrupt) {
        throw interrupt;
      }
      if (error instanceof InterruptedException
          || (Thread.currentThread().isInterrupted() && !(error instanceof ChaosException))) {
        Thread.currentThread().interrupt();
        throw new InterruptExecution("interrupted while running " + label, error);
      }
      throw new ActivityFailed(Invocations.describe(error), error);
    }
  }

  String label() {
    return label;
  }

  /** A call of user code. */
  @FunctionalInterface
  interface Invocation {
    Object run() throws Exception;
  }

  /** A public static method whose parameters are bound by name, or that takes one mapping. */
  static final class StaticMethod extends JavaTarget {
    private final Method method;
    private final java.lang.reflect.Parameter[] parameters;
    private final List<Parameter> signature = new ArrayList<>();

    /**
     * @throws InvalidActivity when chaos4j cannot bind its parameters
     */
    StaticMethod(Method method, String activityName) {
      super("method '" + method.getDeclaringClass().getName() + "." + method.getName() + "'");
      this.method = method;
      this.parameters = method.getParameters();
      method.trySetAccessible();
      boolean oneMapping = parameters.length == 1 && parameters[0].getType() == Map.class;
      for (java.lang.reflect.Parameter p : parameters) {
        if (!p.isNamePresent() && !oneMapping) {
          throw new InvalidActivity(
              label()
                  + " has no parameter names, so activity '"
                  + activityName
                  + "' cannot give it arguments: compile it with javac -parameters, or make it"
                  + " take a single Map<String, Object>");
        }
        if (!JavaValues.supported(p.getType())
            || (isInjected(p.getName()) && !p.getType().isAssignableFrom(LinkedHashMap.class))) {
          throw new InvalidActivity(
              "parameter '"
                  + p.getName()
                  + "' of "
                  + label()
                  + " has type "
                  + p.getType().getSimpleName()
                  + ", which chaos4j cannot pass from activity '"
                  + activityName
                  + "' (use String, int, long, double, boolean, their boxes, List, Map or"
                  + " Object; Map for configuration and secrets)");
        }
        signature.add(new Parameter(p.getName(), Parameter.Kind.POSITIONAL_OR_KEYWORD, true));
      }
    }

    @Override
    void validate(Map<String, Object> arguments, String activityName) {
      if (takesAllArguments(arguments)) {
        return;
      }
      checkNames(signature, arguments, activityName);
      for (java.lang.reflect.Parameter p : parameters) {
        Object value = arguments.get(p.getName());
        if (!isInjected(p.getName()) && !substitutedLater(value)) {
          convert(value, p, activityName);
        }
      }
    }

    @Override
    Object call(
        Map<String, Object> arguments,
        Map<String, Object> configuration,
        Map<String, Object> secrets,
        String activityName) {
      Object[] values = new Object[parameters.length];
      if (takesAllArguments(arguments)) {
        values[0] = new LinkedHashMap<>(arguments);
      } else {
        try {
          checkNames(signature, arguments, activityName);
          for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            Object value =
                name.equals(Argument.CONFIGURATION)
                    ? new LinkedHashMap<>(configuration)
                    : name.equals(Argument.SECRETS) && secrets != null
                        ? secrets
                        : arguments.get(name);
            values[i] = convert(value, parameters[i], activityName);
          }
        } catch (InvalidActivity e) {
          throw new ActivityFailed(e.getMessage(), e);
        }
      }
      return invoke(() -> method.invoke(null, values));
    }

    /** A single {@code Map} parameter the arguments do not name receives all of them. */
    private boolean takesAllArguments(Map<String, Object> arguments) {
      return parameters.length == 1
          && parameters[0].getType() == Map.class
          && !isInjected(parameters[0].getName())
          && !arguments.containsKey(parameters[0].getName());
    }

    private Object convert(Object value, java.lang.reflect.Parameter p, String activityName) {
      try {
        return JavaValues.toParameter(value, p.getType());
      } catch (JavaValues.Mismatch e) {
        throw new InvalidActivity(
            "argument '"
                + p.getName()
                + "' of activity '"
                + activityName
                + "' must be "
                + e.getMessage()
                + " for "
                + label()
                + ", not "
                + Py.typeName(value)
                + " "
                + shortRepr(value));
      }
    }
  }

  /** An {@link ActivityFunction} implementation, bound like the extensions' functions. */
  static final class Function extends JavaTarget {
    private final ActivityFunction function;
    private final List<Parameter> signature;

    Function(ActivityFunction function) {
      super("function '" + function.getClass().getName() + "'");
      this.function = function;
      this.signature = ArgumentBinder.parameters(function);
    }

    @Override
    void validate(Map<String, Object> arguments, String activityName) {
      checkNames(signature, arguments, activityName);
    }

    @Override
    Object call(
        Map<String, Object> arguments,
        Map<String, Object> configuration,
        Map<String, Object> secrets,
        String activityName) {
      Map<String, Object> bound;
      try {
        checkNames(signature, arguments, activityName);
        bound = ArgumentBinder.bind(function, arguments, configuration, secrets);
      } catch (InvalidActivity e) {
        throw new ActivityFailed(e.getMessage(), e);
      }
      return invoke(() -> function.call(bound));
    }
  }

  private static boolean isInjected(String name) {
    return name.equals(Argument.CONFIGURATION) || name.equals(Argument.SECRETS);
  }

  /** Whether a value holds a {@code $} pattern, so that only its substitution can be checked. */
  private static boolean substitutedLater(Object value) {
    return value instanceof String s && s.indexOf('$') >= 0;
  }

  private static String shortRepr(Object value) {
    String repr = Py.repr(value);
    return repr.length() <= 60 ? repr : repr.substring(0, 57) + "...";
  }
}
