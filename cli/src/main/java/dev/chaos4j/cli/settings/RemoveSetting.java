package dev.chaos4j.cli.settings;

import dev.chaos4j.core.settings.MissingSettingsEntry;
import dev.chaos4j.core.settings.Settings;
import dev.chaos4j.core.settings.SettingsKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos settings remove KEY}: removes one entry of the settings file. */
@Command(
    name = "remove",
    description = {
      "Remove a settings key and its children.",
      "The key must be the dotted path to its location in the settings file."
    })
public final class RemoveSetting extends SettingsFileCommand {

  @Parameters(paramLabel = "KEY", description = "Dotted key of the entry.")
  String key;

  @Override
  protected int execute() {
    Settings settings = loadExisting();
    try {
      SettingsKeys.remove(settings.raw(), key);
    } catch (MissingSettingsEntry e) {
      throw missing(e);
    }
    settings.save(settingsFile());
    return 0;
  }
}
