package dev.chaos4j.cli.proxy;

import dev.chaos4j.cli.CommandBase;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.toxiproxy.ToxiproxyClient;
import picocli.CommandLine.Option;

/**
 * A {@code chaos proxy} command that calls a Toxiproxy API: the {@code --host} option, and errors
 * as one line with exit code 1.
 */
abstract class ApiCommand extends CommandBase {

  /**
   * Only the long name: {@code -h} is the help of every chaos command (toxiproxy-cli's {@code -h}
   * is its host).
   */
  @Option(
      names = "--host",
      paramLabel = "URL",
      defaultValue = "${env:TOXIPROXY_URL:-" + ToxiproxyClient.DEFAULT_URL + "}",
      description =
          "Toxiproxy API to talk to (default: $TOXIPROXY_URL, else "
              + ToxiproxyClient.DEFAULT_URL
              + ").")
  String host;

  @Override
  protected final int execute() {
    try {
      return call(new ToxiproxyClient(host));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChaosException("interrupted while waiting for Toxiproxy at " + host);
    }
  }

  /** Does the command's calls and prints their outcome; returns the exit code. */
  abstract int call(ToxiproxyClient client) throws InterruptedException;

  /** Prints the command's outcome on standard output, ending with a new line; returns 0. */
  static int output(String text) {
    System.out.print(text.endsWith("\n") ? text : text + "\n");
    System.out.flush();
    return 0;
  }
}
