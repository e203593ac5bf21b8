package dev.chaos4j.cli.proxy;

import dev.chaos4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/**
 * {@code chaos proxy ...}: runs the fault proxy and drives any Toxiproxy API as toxiproxy-cli does.
 */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Run chaos4j's fault proxy (serve), or manage the proxies and toxics of a Toxiproxy server"
          + " (or of chaos4j's fault proxy) as toxiproxy-cli does.",
      "The client commands take --host URL (default: $TOXIPROXY_URL, else"
          + " http://localhost:8474)."
    },
    subcommands = {
      ProxyServeCommand.class,
      ProxyListCommand.class,
      ProxyInspectCommand.class,
      ProxyCreateCommand.class,
      ProxyToggleCommand.class,
      ProxyDeleteCommand.class,
      ToxicCommand.class
    })
public final class ProxyCommand extends CommandGroup {}
