package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos proxy delete NAME}: removes a proxy. */
@Command(
    name = "delete",
    aliases = "d",
    mixinStandardHelpOptions = true,
    description = "Delete a proxy.")
public final class ProxyDeleteCommand extends ApiCommand {

  @Parameters(paramLabel = "PROXY", description = "Name of the proxy.")
  String proxy;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    client.deleteProxy(proxy);
    return output("Deleted proxy " + proxy);
  }
}
