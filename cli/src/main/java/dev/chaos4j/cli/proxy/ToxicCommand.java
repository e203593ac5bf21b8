package dev.chaos4j.cli.proxy;

import dev.chaos4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code chaos proxy toxic add|update|remove}: the toxics of a proxy. */
@Command(
    name = "toxic",
    aliases = "t",
    mixinStandardHelpOptions = true,
    description = {
      "Add, update or remove a toxic of a proxy.",
      "",
      "Toxic types and their attributes (-a NAME=VALUE):",
      "  latency      latency=<ms>, jitter=<ms>: delay the data",
      "  bandwidth    rate=<KB/s>: limit the throughput (0 holds all data)",
      "  slow_close   delay=<ms>: delay the close of connections",
      "  timeout      timeout=<ms>: drop all data, close after the timeout (0: never)",
      "  reset_peer   timeout=<ms>: reset connections (TCP RST) after the timeout",
      "  slicer       average_size=<bytes>, size_variation=<bytes>, delay=<us>: slice the data",
      "  limit_data   bytes=<bytes>: close connections after that many bytes",
      "",
      "Example: chaos proxy toxic add -t latency -n slow -a latency=100 -a jitter=50 users"
    },
    subcommands = {ToxicAddCommand.class, ToxicUpdateCommand.class, ToxicRemoveCommand.class})
public final class ToxicCommand extends CommandGroup {}
