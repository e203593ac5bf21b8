package dev.chaos4j.cli.settings;

import dev.chaos4j.core.settings.SettingsYaml;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;

/** Settings values printed as the reference prints them. */
final class Formats {
  private Formats() {}

  /** Python's {@code json.dumps(value, indent=2)}: non-ASCII characters escaped. */
  static String json(Object value) {
    String text = Json.pretty(value);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // JSON's own syntax is ASCII: a character past '~' can only be inside a string
      if (c > '~') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** PyYAML's {@code yaml.dump(value, indent=2)}. */
  static String yaml(Object value) {
    return SettingsYaml.dump(value);
  }

  /** Python's {@code str(value)}. */
  static String string(Object value) {
    return Py.str(value);
  }
}
