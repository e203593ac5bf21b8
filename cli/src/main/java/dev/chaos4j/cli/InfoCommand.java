package dev.chaos4j.cli;

import picocli.CommandLine.Command;

/** {@code chaos info}: placeholder until implemented. */
@Command(name = "info", description = "Not implemented yet.")
public final class InfoCommand extends CommandBase {
  @Override
  protected int execute() {
    throw new dev.chaos4j.core.ChaosException("chaos info is not implemented yet");
  }
}
