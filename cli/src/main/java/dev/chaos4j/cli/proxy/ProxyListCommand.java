package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import picocli.CommandLine.Command;

/** {@code chaos proxy list}: every proxy, as a table. */
@Command(
    name = "list",
    aliases = {"l", "li", "ls"},
    mixinStandardHelpOptions = true,
    description = "List all proxies.")
public final class ProxyListCommand extends ApiCommand {

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    return output(ProxyOutput.table(client.proxies()));
  }
}
