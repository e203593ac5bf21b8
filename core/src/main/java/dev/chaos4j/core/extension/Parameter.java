package dev.chaos4j.core.extension;

import dev.chaos4j.core.spi.Argument;

/**
 * One parameter of a function's signature, as far as keyword binding is concerned: the shape of a
 * Python {@code inspect.Parameter}, which also describes the arguments of Java functions.
 *
 * @param name the parameter name
 * @param kind how the parameter can be given
 * @param required whether it has no default value (meaningless for the variadic kinds)
 */
public record Parameter(String name, Kind kind, boolean required) {

  /** Python's parameter kinds ({@code inspect.Parameter.kind}). */
  public enum Kind {
    /** Before a {@code /}: cannot be given by name. */
    POSITIONAL_ONLY,
    /** An ordinary parameter: what every Java function argument is. */
    POSITIONAL_OR_KEYWORD,
    /** {@code *args}. */
    VAR_POSITIONAL,
    /** After a {@code *}: only by name. */
    KEYWORD_ONLY,
    /** {@code **kwargs}: takes every name the others do not. */
    VAR_KEYWORD
  }

  /** The parameter of a Java function's declared argument. */
  public static Parameter of(Argument argument) {
    return new Parameter(argument.name(), Kind.POSITIONAL_OR_KEYWORD, argument.required());
  }
}
