package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos proxy toggle NAME}: enables a disabled proxy, disables an enabled one. */
@Command(
    name = "toggle",
    aliases = "tog",
    mixinStandardHelpOptions = true,
    description = "Enable a disabled proxy, or disable an enabled one.")
public final class ProxyToggleCommand extends ApiCommand {

  @Parameters(paramLabel = "PROXY", description = "Name of the proxy.")
  String proxy;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    boolean enable = !Boolean.TRUE.equals(client.proxy(proxy).get("enabled"));
    client.updateProxy(proxy, Map.of("enabled", enable));
    return output("Proxy " + proxy + " is now " + (enable ? "enabled" : "disabled"));
  }
}
