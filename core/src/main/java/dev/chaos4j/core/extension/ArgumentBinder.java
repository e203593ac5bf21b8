package dev.chaos4j.core.extension;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Argument;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds an activity's {@code arguments} to a function's parameters by name, with the reference's
 * semantics (Python's {@code inspect.Signature.bind(**arguments)}): {@code configuration} and
 * {@code secrets} count as given when the function declares them, a required parameter without a
 * value is reported first (in signature order), then the first name no parameter takes.
 */
public final class ArgumentBinder {
  private ArgumentBinder() {}

  /**
   * The first thing binding would trip over.
   *
   * @param type what is wrong
   * @param argument the parameter or argument name concerned
   */
  public record Problem(Type type, String argument) {

    /** The kinds of binding problems. */
    public enum Type {
      /** A required parameter gets no value. */
      MISSING,
      /** An argument matches no parameter and there is no {@code **kwargs}. */
      UNEXPECTED,
      /** A positional-only parameter is given by name, which Python refuses. */
      POSITIONAL_ONLY
    }
  }

  /**
   * What binding these argument names to these parameters would report first, if anything.
   *
   * @param argumentNames the keys of the activity's {@code arguments}, in document order; {@code
   *     configuration} and {@code secrets} are added here when the parameters declare them
   */
  public static Optional<Problem> problem(
      List<Parameter> parameters, Collection<String> argumentNames) {
    Set<String> remaining = new LinkedHashSet<>(argumentNames);
    boolean takesAnyName = false;
    for (Parameter p : parameters) {
      if (isInjected(p.name())) {
        remaining.add(p.name());
      }
    }
    for (Parameter p : parameters) {
      switch (p.kind()) {
        case VAR_POSITIONAL -> {}
        case VAR_KEYWORD -> takesAnyName = true;
        default -> {
          if (remaining.remove(p.name())) {
            if (p.kind() == Parameter.Kind.POSITIONAL_ONLY) {
              return Optional.of(new Problem(Problem.Type.POSITIONAL_ONLY, p.name()));
            }
          } else if (p.required()) {
            return Optional.of(new Problem(Problem.Type.MISSING, p.name()));
          }
        }
      }
    }
    if (!remaining.isEmpty() && !takesAnyName) {
      return Optional.of(new Problem(Problem.Type.UNEXPECTED, remaining.iterator().next()));
    }
    return Optional.empty();
  }

  /**
   * Checks argument names against a signature and reports the first problem with the reference's
   * message, which names the function (not the activity), as the reference does.
   *
   * @throws InvalidActivity {@code required argument '<arg>' is missing from activity '<func>'} or
   *     {@code argument '<arg>' is not part of the function signature in activity '<func>'}
   */
  public static void check(
      String functionName, List<Parameter> parameters, Collection<String> argumentNames) {
    Optional<Problem> found = problem(parameters, argumentNames);
    if (found.isPresent()) {
      throw invalid(found.get(), functionName);
    }
  }

  /**
   * Checks an activity's arguments against a Java function; see {@link #check(String, List,
   * Collection)}.
   */
  public static void check(ActivityFunction function, Map<String, ?> arguments) {
    check(function.name(), parameters(function), arguments.keySet());
  }

  /**
   * The arguments a Java function is called with: given values, then defaults (copied, so a call
   * cannot change them), {@code configuration} (a copy) when declared, {@code secrets} when
   * declared and the activity names secret scopes (otherwise the declared default), as the
   * reference does.
   *
   * @param arguments the activity's arguments, already substituted
   * @param configuration the run's configuration (may be null)
   * @param secrets the merged secrets of the activity's scopes, or null when it names none
   * @throws InvalidActivity when the arguments do not bind (see {@link #check(String, List,
   *     Collection)})
   */
  public static Map<String, Object> bind(
      ActivityFunction function,
      Map<String, Object> arguments,
      Map<String, Object> configuration,
      Map<String, Object> secrets) {
    check(function, arguments);
    Map<String, Object> bound = new LinkedHashMap<>();
    for (Argument a : function.arguments()) {
      String name = a.name();
      if (name.equals(Argument.CONFIGURATION)) {
        bound.put(
            name,
            configuration == null ? new LinkedHashMap<>() : new LinkedHashMap<>(configuration));
      } else if (name.equals(Argument.SECRETS) && secrets != null) {
        bound.put(name, secrets);
      } else if (arguments.containsKey(name)) {
        bound.put(name, arguments.get(name));
      } else {
        bound.put(name, Json.deepCopy(a.defaultValue()));
      }
    }
    return bound;
  }

  /** The parameters of a Java function. */
  public static List<Parameter> parameters(ActivityFunction function) {
    List<Parameter> out = new ArrayList<>(function.arguments().size());
    for (Argument a : function.arguments()) {
      out.add(Parameter.of(a));
    }
    return out;
  }

  private static boolean isInjected(String name) {
    return name.equals(Argument.CONFIGURATION) || name.equals(Argument.SECRETS);
  }

  private static InvalidActivity invalid(Problem problem, String functionName) {
    String arg = Py.repr(problem.argument());
    return new InvalidActivity(
        switch (problem.type()) {
          case MISSING ->
              "required argument " + arg + " is missing from activity '" + functionName + "'";
          case UNEXPECTED ->
              "argument "
                  + arg
                  + " is not part of the function signature in activity '"
                  + functionName
                  + "'";
          case POSITIONAL_ONLY ->
              "argument "
                  + arg
                  + " of function '"
                  + functionName
                  + "' is positional-only, so an activity cannot give it by name";
        });
  }
}
