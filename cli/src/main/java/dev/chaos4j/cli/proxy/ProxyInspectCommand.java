package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos proxy inspect NAME}: one proxy and its toxics. */
@Command(
    name = "inspect",
    aliases = {"i", "ins"},
    mixinStandardHelpOptions = true,
    description = "Show a proxy and its toxics.")
public final class ProxyInspectCommand extends ApiCommand {

  @Parameters(paramLabel = "PROXY", description = "Name of the proxy.")
  String proxy;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    return output(ProxyOutput.inspect(client.proxy(proxy)));
  }
}
