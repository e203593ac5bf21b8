package dev.chaos4j.cli;

import dev.chaos4j.cli.proxy.ProxyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code chaos} command: global options, then one sub-command. */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Run Chaos Toolkit experiments against your system, in Java.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      DiscoverCommand.class,
      InitCommand.class,
      InfoCommand.class,
      SettingsCommand.class,
      ProxyCommand.class
    })
public final class ChaosCommand {
  @Mixin GlobalOptions global;
}
