package dev.chaos4j.core.provider.python;

import dev.chaos4j.core.extension.Parameter;
import java.util.List;

/**
 * What Python says about {@code module.func}: whether the module imports, whether the name is a
 * function (or builtin) of it, and its parameters.
 *
 * @param status the verdict
 * @param error Python's error line ({@code <ExcType>: <message>}) for {@link Status#BROKEN}, {@link
 *     Status#MISSING} and {@link Status#NO_SIGNATURE}; null otherwise
 * @param parameters the signature, for {@link Status#FUNCTION}; empty otherwise
 */
public record Inspection(Status status, String error, List<Parameter> parameters) {

  /** The verdicts. */
  public enum Status {
    /** Neither the module nor one of its parent packages can be found. */
    MISSING,
    /** The module exists but importing it fails (a missing dependency, a syntax error...). */
    BROKEN,
    /** The module has no function or builtin of that name (bound methods do not count). */
    NOT_A_FUNCTION,
    /** A function whose signature Python cannot tell (some C builtins). */
    NO_SIGNATURE,
    /** A function, with its parameters. */
    FUNCTION
  }

  public Inspection {
    parameters = List.copyOf(parameters);
  }
}
