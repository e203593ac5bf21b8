package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos proxy toxic update -n NAME [--tox F] [-a K=V]... PROXY}. */
@Command(
    name = "update",
    aliases = "u",
    mixinStandardHelpOptions = true,
    description = "Change a toxic's toxicity and attributes; what is not given is kept as it is.")
public final class ToxicUpdateCommand extends ApiCommand {

  @Option(
      names = {"-n", "--toxicName"},
      required = true,
      paramLabel = "NAME",
      description = "Name of the toxic.")
  String name;

  @Mixin ToxicOptions options;

  @Parameters(paramLabel = "PROXY", description = "Name of the proxy.")
  String proxy;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    Map<String, Object> changes = new LinkedHashMap<>();
    if (options.toxicity != null) {
      changes.put("toxicity", options.toxicity);
    }
    changes.put("attributes", options.attributeValues());
    client.updateToxic(proxy, name, changes);
    System.out.println("Updated toxic '" + name + "' on proxy '" + proxy + "'");
    System.out.flush();
    return 0;
  }
}
