package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos proxy create -l ADDR -u ADDR NAME}: a new proxy. */
@Command(
    name = "create",
    aliases = {"c", "new"},
    mixinStandardHelpOptions = true,
    description = "Create a proxy.")
public final class ProxyCreateCommand extends ApiCommand {

  @Option(
      names = {"-l", "--listen"},
      required = true,
      paramLabel = "HOST:PORT",
      description = "Address the proxy listens on (port 0: any free port).")
  String listen;

  @Option(
      names = {"-u", "--upstream"},
      required = true,
      paramLabel = "HOST:PORT",
      description = "Address the proxy forwards to.")
  String upstream;

  @Parameters(paramLabel = "PROXY", description = "Name of the new proxy.")
  String proxy;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", proxy);
    request.put("listen", listen);
    request.put("upstream", upstream);
    Map<String, Object> created = client.createProxy(request);
    return output("Created new proxy " + proxy + " listening on " + created.get("listen"));
  }
}
