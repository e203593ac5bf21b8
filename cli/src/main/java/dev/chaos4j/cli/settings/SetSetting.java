package dev.chaos4j.cli.settings;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.settings.MissingSettingsEntry;
import dev.chaos4j.core.settings.Settings;
import dev.chaos4j.core.settings.SettingsKeys;
import dev.chaos4j.core.value.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos settings set KEY VALUE}: replaces one entry of the settings file. */
@Command(
    name = "set",
    description = {
      "Set a settings value.",
      "The value must be a valid JSON string so that it can be interpreted with the appropriate"
          + " type. The key must be the dotted path to an existing entry of the settings file."
    })
public final class SetSetting extends SettingsFileCommand {

  @Parameters(index = "0", paramLabel = "KEY", description = "Dotted key of the entry.")
  String key;

  @Parameters(
      index = "1",
      paramLabel = "VALUE",
      description = "The new value, as JSON (a string is quoted: '\"text\"').")
  String value;

  @Override
  protected int execute() {
    Settings settings = loadExisting();
    Object parsed = parseValue();
    try {
      SettingsKeys.set(settings.raw(), key, parsed);
    } catch (MissingSettingsEntry e) {
      throw missing(e);
    }
    settings.save(settingsFile());
    return 0;
  }

  private Object parseValue() {
    try {
      return Json.parse(value);
    } catch (Json.SyntaxError e) {
      String hint =
          looksLikeBareText(value) ? " (a string must be quoted, e.g. '\"" + value + "\"')" : "";
      throw new ChaosException(
          "Invalid JSON value '"
              + value
              + "': "
              + e.getMessage()
              + " at line "
              + e.line()
              + ", column "
              + e.column()
              + hint);
    }
  }

  private static boolean looksLikeBareText(String text) {
    String t = text.strip();
    return !t.isEmpty() && "{[\"-0123456789".indexOf(t.charAt(0)) < 0;
  }
}
