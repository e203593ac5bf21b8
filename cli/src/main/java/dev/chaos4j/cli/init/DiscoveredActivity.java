package dev.chaos4j.cli.init;

import java.util.List;

/**
 * One activity of a discovery document: a Python-addressed function an experiment can call.
 *
 * @param type {@code probe} or {@code action}
 * @param name the function's name
 * @param module the module it lives in ({@code mod} in the document)
 * @param doc what it does (may be empty)
 * @param parameters its arguments, in signature order
 */
public record DiscoveredActivity(
    String type, String name, String module, String doc, List<Parameter> parameters) {

  /** Whether it is a probe. */
  public boolean isProbe() {
    return type.equals("probe");
  }

  /**
   * One argument of a discovered activity.
   *
   * @param name its keyword name
   * @param type its portable type, or null when the document does not say
   * @param required whether the document gives no default for it
   * @param defaultValue the default (JSON value) when not required
   */
  public record Parameter(String name, String type, boolean required, Object defaultValue) {

    /** Whether the engine fills it in ({@code configuration}, {@code secrets}): never asked. */
    public boolean injected() {
      return name.equals("configuration") || name.equals("secrets");
    }
  }
}
