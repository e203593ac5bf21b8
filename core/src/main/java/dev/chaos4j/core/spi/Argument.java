package dev.chaos4j.core.spi;

/**
 * One named argument of an {@link ActivityFunction}, as the reference's discovery document
 * describes it.
 *
 * @param name the keyword name experiments use (the Python parameter name)
 * @param type a portable type: {@code string, integer, number, boolean, list, mapping, object,
 *     byte, set, tuple, null}
 * @param required whether an experiment must give it
 * @param defaultValue the value used when it is not given (JSON value; meaningless if required)
 */
public record Argument(String name, String type, boolean required, Object defaultValue) {

  /** A required argument. */
  public static Argument required(String name, String type) {
    return new Argument(name, type, true, null);
  }

  /** An optional argument with its default. */
  public static Argument optional(String name, String type, Object defaultValue) {
    return new Argument(name, type, false, defaultValue);
  }

  /** The {@code configuration} argument the engine injects when a function declares it. */
  public static final String CONFIGURATION = "configuration";

  /** The {@code secrets} argument the engine injects when a function declares it. */
  public static final String SECRETS = "secrets";
}
