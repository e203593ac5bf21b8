package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos proxy toxic remove -n NAME PROXY}. */
@Command(
    name = "remove",
    aliases = {"r", "delete", "d"},
    mixinStandardHelpOptions = true,
    description = "Remove a toxic from a proxy.")
public final class ToxicRemoveCommand extends ApiCommand {

  @Option(
      names = {"-n", "--toxicName"},
      required = true,
      paramLabel = "NAME",
      description = "Name of the toxic.")
  String name;

  @Parameters(paramLabel = "PROXY", description = "Name of the proxy.")
  String proxy;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    client.deleteToxic(proxy, name);
    System.out.println("Removed toxic '" + name + "' on proxy '" + proxy + "'");
    System.out.flush();
    return 0;
  }
}
