package dev.chaos4j.cli.proxy;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which existing toxic a command acts on: {@code -n NAME PROXY}. */
final class NamedToxic {

  @Option(
      names = {"-n", "--toxicName"},
      required = true,
      paramLabel = "NAME",
      description = "Name of the toxic.")
  String name;

  @Parameters(paramLabel = "PROXY", description = "Name of the proxy.")
  String proxy;
}
