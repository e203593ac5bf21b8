package dev.chaos4j.cli.settings;

import dev.chaos4j.core.settings.MissingSettingsEntry;
import dev.chaos4j.core.settings.SettingsKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos settings get KEY}: one entry of the settings file. */
@Command(
    name = "get",
    description = {
      "Show a settings value.",
      "The key is the dotted path to its location in the settings file: a dot inside a name is"
          + " escaped with a backslash, a list element is selected with [index], e.g."
          + " auths.example\\\\.com.type or notifications[0].url."
    })
public final class GetSetting extends SettingsFileCommand {

  /** Formats of {@code --format}. */
  enum Format {
    string,
    json,
    yaml
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Parameters(paramLabel = "KEY", description = "Dotted key of the entry.")
  String key;

  @Override
  protected int execute() {
    Object value;
    try {
      value = SettingsKeys.get(loadExisting().raw(), key);
    } catch (MissingSettingsEntry e) {
      throw missing(e);
    }
    String text =
        switch (format) {
          case string -> Formats.string(value);
          case json -> Formats.json(value);
          case yaml -> Formats.yaml(value);
        };
    System.out.println(text);
    System.out.flush();
    return 0;
  }
}
