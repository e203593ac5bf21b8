package dev.chaos4j.cli.settings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chaos settings show}: the whole settings file, as YAML or JSON. */
@Command(
    name = "show",
    description = {
      "Show the entire content of the settings file.",
      "Be aware this will not obfuscate secret data."
    })
public final class ShowSettings extends SettingsFileCommand {

  /** Formats of {@code --format}. */
  enum Format {
    json,
    yaml
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  protected int execute() {
    Object settings = loadExisting().raw();
    // the text plus a line break, as click.echo prints it (YAML thus ends with an empty line)
    System.out.println(format == Format.json ? Formats.json(settings) : Formats.yaml(settings));
    System.out.flush();
    return 0;
  }
}
