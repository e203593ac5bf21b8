package dev.chaos4j.proxy.internal.http;

import dev.chaos4j.proxy.internal.ApiError;
import dev.chaos4j.proxy.internal.Proxy;
import dev.chaos4j.proxy.internal.ProxyCollection;
import dev.chaos4j.proxy.internal.ToxicEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A proxy configuration file: the JSON array Toxiproxy's {@code -config} and {@code /populate}
 * take, where each proxy may also list its {@code toxics} (objects as {@code POST
 * /proxies/{proxy}/toxics} takes them). Everything is checked before anything is changed.
 */
public final class ProxyConfig {

  private ProxyConfig() {}

  /**
   * Creates (or keeps, as {@code /populate} does) every proxy of {@code json}; a proxy that lists
   * {@code toxics} gets exactly those. Must run on the API thread.
   *
   * @throws IllegalArgumentException with a one-line description of the first problem
   */
  public static void apply(ProxyCollection proxies, byte[] json) {
    List<ProxyApi.ProxyInput> inputs;
    List<List<ToxicEntry>> toxics = new ArrayList<>();
    try {
      inputs = ProxyApi.readPopulate(JsonInput.parse(json));
    } catch (ApiError e) {
      throw new IllegalArgumentException(withoutPrefix(e.getMessage()));
    }
    for (int i = 0; i < inputs.size(); i++) {
      try {
        toxics.add(ProxyApi.readToxics(inputs.get(i).toxics()));
      } catch (ApiError e) {
        throw new IllegalArgumentException(
            withoutPrefix(e.getMessage())
                + " in the toxics of proxy "
                + (i + 1)
                + " ("
                + inputs.get(i).name()
                + ")");
      }
    }
    for (int i = 0; i < inputs.size(); i++) {
      ProxyApi.ProxyInput input = inputs.get(i);
      Proxy proxy;
      try {
        proxy =
            proxies.createOrKeep(input.name(), input.listen(), input.upstream(), input.enabled());
      } catch (ApiError e) {
        throw new IllegalArgumentException(
            "proxy " + (i + 1) + " (" + input.name() + "): " + e.getMessage());
      }
      if (input.toxics() != null) {
        proxy.removeToxics();
        toxics.get(i).forEach(proxy::addToxic);
      }
    }
  }

  private static String withoutPrefix(String message) {
    String prefix = "bad request body: ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
