package dev.chaos4j.cli;

import picocli.CommandLine;

/** Entry point of the {@code chaos} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (2 for usage errors, as the reference). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for embedding and in-process tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ChaosCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    // `--log-file-level info` must not take `info` for the sub-command of that name
    cl.setAllowSubcommandsAsOptionParameters(true);
    return cl;
  }
}
