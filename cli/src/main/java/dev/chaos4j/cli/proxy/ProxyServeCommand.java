package dev.chaos4j.cli.proxy;

import dev.chaos4j.cli.CommandBase;
import dev.chaos4j.core.ChaosException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code chaos proxy serve}: runs the fault proxy in the foreground, with Toxiproxy's HTTP API and
 * the proxies of an optional configuration file, until SIGINT or SIGTERM; then closes every proxied
 * connection and exits 0.
 */
@Command(
    name = "serve",
    description = {
      "Run the fault proxy in the foreground until Ctrl-C or SIGTERM.",
      "It speaks Toxiproxy's HTTP API, so Toxiproxy clients and the chaostoxi functions drive it."
    })
public final class ProxyServeCommand extends CommandBase {

  // This class is built with every `chaos proxy` command line and for the help: the proxy's
  // classes (and Netty) stay out of its signatures so that only `serve` loads them (see
  // EmbeddedProxy).

  @Spec CommandSpec command;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Host or address the API listens on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8474",
      description = "Port of the API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Proxies to create at start: a JSON array, as Toxiproxy's -config file.")
  String config;

  @Override
  protected int execute() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          command.commandLine(),
          "Invalid value for option '--port': " + port + " is not a port number (0 to 65535)");
    }
    Path configFile = config == null ? null : global().resolve(config);
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new ChaosException("Fault proxy not started: no proxy config file at " + configFile);
    }
    // Handlers first: a signal that arrives while the proxy starts stops it as soon as it is up.
    try (StopSignals stop = StopSignals.install()) {
      EmbeddedProxy.serve(host, port, configFile, stop);
    }
    return 0;
  }
}
