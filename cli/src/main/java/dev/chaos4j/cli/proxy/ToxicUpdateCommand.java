package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chaos proxy toxic update -n NAME [--tox F] [-a K=V]... PROXY}. */
@Command(
    name = "update",
    aliases = "u",
    mixinStandardHelpOptions = true,
    description = "Change a toxic's toxicity and attributes; what is not given is kept as it is.")
public final class ToxicUpdateCommand extends ApiCommand {

  @Mixin NamedToxic toxic;

  @Mixin ToxicOptions options;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    Map<String, Object> changes = new LinkedHashMap<>();
    if (options.toxicity != null) {
      changes.put("toxicity", options.toxicity);
    }
    changes.put("attributes", options.attributeValues());
    client.updateToxic(toxic.proxy, toxic.name, changes);
    return output("Updated toxic '" + toxic.name + "' on proxy '" + toxic.proxy + "'");
  }
}
