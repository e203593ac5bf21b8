package dev.chaos4j.cli;

import picocli.CommandLine.Command;

/** {@code chaos discover}: placeholder until implemented. */
@Command(name = "discover", description = "Not implemented yet.")
public final class DiscoverCommand extends CommandBase {
  @Override
  protected int execute() {
    throw new dev.chaos4j.core.ChaosException("chaos discover is not implemented yet");
  }
}
