package dev.chaos4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code chaos} command: global options, then one sub-command ({@link Main} adds the
 * sub-commands, only the one a command line names when it names one).
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Run Chaos Toolkit experiments against your system, in Java.")
public final class ChaosCommand {
  @Mixin GlobalOptions global;
}
