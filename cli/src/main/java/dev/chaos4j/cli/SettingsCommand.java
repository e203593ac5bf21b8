package dev.chaos4j.cli;

import picocli.CommandLine.Command;

/** {@code chaos settings}: placeholder until implemented. */
@Command(name = "settings", description = "Not implemented yet.")
public final class SettingsCommand extends CommandBase {
  @Override
  protected int execute() {
    throw new dev.chaos4j.core.ChaosException("chaos settings is not implemented yet");
  }
}
