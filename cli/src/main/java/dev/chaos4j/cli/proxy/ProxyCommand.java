package dev.chaos4j.cli.proxy;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chaos proxy ...}: runs and drives the Toxiproxy-compatible fault proxy. */
@Command(
    name = "proxy",
    description = "Run and drive the fault proxy (Toxiproxy's HTTP API).",
    subcommands = {ProxyServeCommand.class})
public final class ProxyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a sub-command: the help. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return 0;
  }
}
