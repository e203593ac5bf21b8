package dev.chaos4j.cli.settings;

import dev.chaos4j.cli.CommandBase;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.settings.MissingSettingsEntry;
import dev.chaos4j.core.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the settings sub-commands share: the file must exist, keys must name an entry. */
abstract class SettingsFileCommand extends CommandBase {

  /** The settings file given by {@code --settings}, or the default one. */
  Path settingsFile() {
    return global().settingsPath();
  }

  /**
   * Loads the settings file, which must exist (the reference exits 1 without it).
   *
   * @throws ChaosException when the file is missing, unreadable or not valid YAML
   */
  Settings loadExisting() {
    Path path = settingsFile();
    if (!Files.isRegularFile(path)) {
      throw new ChaosException("No settings file found at " + path);
    }
    return Settings.load(path);
  }

  /** The error for a key that names no entry of the file. */
  ChaosException missing(MissingSettingsEntry e) {
    return new ChaosException(
        "No entry at key '" + e.key() + "' in settings file " + settingsFile(), e);
  }
}
