package dev.chaos4j.core.extension;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.value.Py;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the providers that call functions ({@code python}, {@code java}) share: reading the
 * provider's {@code arguments}, the {@code secrets} a function receives, and how a failure reads.
 */
public final class Invocations {
  private Invocations() {}

  /** The activity's {@code provider} block (empty when absent or not a mapping). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> provider(Map<String, Object> activity) {
    Object provider = activity.get("provider");
    return provider instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * The provider's {@code arguments}: a mapping of names to values; absent or null means none.
   *
   * @throws InvalidActivity when they are something else than a mapping (the reference crashes)
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> arguments(Map<String, Object> provider, Object activityName) {
    Object arguments = provider.get("arguments");
    if (arguments == null) {
      return Map.of();
    }
    if (arguments instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new InvalidActivity(
        "the arguments of activity '"
            + Py.str(activityName)
            + "' must be a mapping of argument names to values, not a "
            + Py.typeName(arguments));
  }

  /**
   * The arguments with {@code ${name}} substituted; like the reference, only when the run has
   * configuration or secrets.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> substituted(
      Map<String, Object> arguments, ProviderContext context) {
    if (isEmpty(context.configuration()) && isEmpty(context.secrets())) {
      return arguments;
    }
    return (Map<String, Object>)
        Substitution.apply(arguments, context.configuration(), context.secrets());
  }

  /**
   * The {@code secrets} argument of a function: the secrets of the scopes the provider lists in
   * {@code secrets}, merged in order; null when the provider lists none, so that the function keeps
   * its default, as in the reference.
   */
  public static Map<String, Object> secrets(Map<String, Object> provider, ProviderContext context) {
    if (!provider.containsKey("secrets")) {
      return null;
    }
    Object scopes = provider.get("secrets");
    List<?> names = scopes instanceof List<?> l ? l : scopes == null ? List.of() : List.of(scopes);
    Map<String, Object> merged = new LinkedHashMap<>();
    Map<String, Object> all = context.secrets() == null ? Map.of() : context.secrets();
    for (Object name : names) {
      if (all.get(String.valueOf(name)) instanceof Map<?, ?> scope) {
        scope.forEach((k, v) -> merged.put(String.valueOf(k), v));
      }
    }
    return merged;
  }

  /**
   * How a function's failure reads in the journal: {@code <ExceptionSimpleName>: <message>}, like
   * Python's {@code <ExcType>: <msg>}; without a message, the name alone, or followed by its
   * cause's description when it wraps one (e.g. {@code ExceptionInInitializerError}).
   */
  public static String describe(Throwable error) {
    String type = error.getClass().getSimpleName();
    if (type.isEmpty()) {
      type = error.getClass().getName();
    }
    String message = error.getMessage();
    if (message != null && !message.isEmpty()) {
      return type + ": " + message;
    }
    Throwable cause = error.getCause();
    return cause == null || cause == error ? type : type + ": " + describe(cause);
  }

  private static boolean isEmpty(Map<String, Object> map) {
    return map == null || map.isEmpty();
  }
}
