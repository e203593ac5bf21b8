package dev.chaos4j.cli;

import picocli.CommandLine.Command;

/** {@code chaos validate}: placeholder until implemented. */
@Command(name = "validate", description = "Not implemented yet.")
public final class ValidateCommand extends CommandBase {
  @Override
  protected int execute() {
    throw new dev.chaos4j.core.ChaosException("chaos validate is not implemented yet");
  }
}
