package dev.chaos4j.cli.proxy;

import dev.chaos4j.toxiproxy.ToxiproxyClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chaos proxy toxic remove -n NAME PROXY}. */
@Command(
    name = "remove",
    aliases = {"r", "delete", "d"},
    mixinStandardHelpOptions = true,
    description = "Remove a toxic from a proxy.")
public final class ToxicRemoveCommand extends ApiCommand {

  @Mixin NamedToxic toxic;

  @Override
  int call(ToxiproxyClient client) throws InterruptedException {
    client.deleteToxic(toxic.proxy, toxic.name);
    return output("Removed toxic '" + toxic.name + "' on proxy '" + toxic.proxy + "'");
  }
}
