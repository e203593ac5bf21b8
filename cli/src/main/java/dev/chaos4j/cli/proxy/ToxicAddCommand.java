package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos proxy toxic add -t TYPE [-n NAME] [--tox F] [-a K=V]... [-u|-d] PROXY}. */
@Command(
    name = "add",
    aliases = "a",
    mixinStandardHelpOptions = true,
    description = "Add a toxic to a proxy.")
public final class ToxicAddCommand extends ApiCommand {

  @Option(
      names = {"-n", "--toxicName"},
      paramLabel = "NAME",
      description = "Name of the toxic (default: <type>_<stream>).")
  String name;

  @Option(
      names = {"-t", "--type"},
      required = true,
      paramLabel = "TYPE",
      description = "Type of the toxic: latency, bandwidth, slow_close, timeout, ...")
  String type;

  @Mixin ToxicOptions options;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Direction direction;

  @Parameters(paramLabel = "PROXY", description = "Name of the proxy.")
  String proxy;

  /** Which way the toxic acts. */
  static final class Direction {
    @Option(
        names = {"-u", "--upstream"},
        description = "Act on the data going to the upstream.")
    boolean upstream;

    @Option(
        names = {"-d", "--downstream"},
        description = "Act on the data coming back from the upstream (the default).")
    boolean downstream;
  }

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    Map<String, Object> toxic = new LinkedHashMap<>();
    if (name != null) {
      toxic.put("name", name);
    }
    toxic.put("type", type);
    toxic.put("stream", direction != null && direction.upstream ? "upstream" : "downstream");
    toxic.put("toxicity", options.toxicity == null ? 1.0 : options.toxicity);
    toxic.put("attributes", options.attributeValues());
    Map<String, Object> created = client.createToxic(proxy, toxic);
    return output(
        "Added "
            + created.get("stream")
            + " "
            + created.get("type")
            + " toxic '"
            + created.get("name")
            + "' on proxy '"
            + proxy
            + "'");
  }
}
