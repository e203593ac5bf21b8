package dev.chaos4j.cli;

import picocli.CommandLine.Command;

/** {@code chaos init}: placeholder until implemented. */
@Command(name = "init", description = "Not implemented yet.")
public final class InitCommand extends CommandBase {
  @Override
  protected int execute() {
    throw new dev.chaos4j.core.ChaosException("chaos init is not implemented yet");
  }
}
