package dev.chaos4j.toxiproxy;

import dev.chaos4j.core.spi.Argument;
import dev.chaos4j.core.value.Py;
import java.util.Map;

/** Reading the bound arguments of a function call. */
final class Arguments {
  private Arguments() {}

  /** An argument as text, as Python formats it into a URL or address ({@code None} for null). */
  static String text(Map<String, Object> arguments, String name) {
    return Py.str(arguments.get(name));
  }

  /** The client of the API the call's {@code configuration} names. */
  @SuppressWarnings("unchecked")
  static ToxiproxyClient client(Map<String, Object> arguments) {
    return ApiLocation.client((Map<String, Object>) arguments.get(Argument.CONFIGURATION));
  }
}
