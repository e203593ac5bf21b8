package dev.chaos4j.cli;

import picocli.CommandLine.Command;

/** {@code chaos run}: placeholder until implemented. */
@Command(name = "run", description = "Not implemented yet.")
public final class RunCommand extends CommandBase {
  @Override
  protected int execute() {
    throw new dev.chaos4j.core.ChaosException("chaos run is not implemented yet");
  }
}
