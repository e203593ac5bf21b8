package dev.chaos4j.toxiproxy;

import static dev.chaos4j.toxiproxy.Arguments.client;
import static dev.chaos4j.toxiproxy.Arguments.text;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Functions;
import java.util.List;
import java.util.Map;

/** {@code chaostoxi.proxy.probes}: whether a proxy exists, and what it is. */
final class ProxyProbes {
  static final String MODULE = "chaostoxi.proxy.probes";

  private static final Log LOG = Log.of(ProxyProbes.class);

  private ProxyProbes() {}

  static List<ActivityFunction> functions() {
    return List.of(
        Functions.probe(MODULE, "proxy_exist")
            .required("proxy_name", "string")
            .configuration()
            .doc("Tell whether a proxy of this name exists.")
            .returns("boolean")
            .body(ProxyProbes::proxyExist),
        Functions.probe(MODULE, "get_proxy_attribute")
            .required("proxy_name", "string")
            .required("attribute", "string")
            .configuration()
            .doc(
                "Read one attribute of a proxy: name, listen, upstream, enabled or toxics; null"
                    + " when the proxy does not exist.")
            .body(ProxyProbes::getProxyAttribute));
  }

  private static Object proxyExist(Map<String, Object> a) throws InterruptedException {
    String name = text(a, "proxy_name");
    Map<String, Object> proxy = proxyOrNull(a, name);
    return proxy != null && name.equals(proxy.get("name"));
  }

  private static Object getProxyAttribute(Map<String, Object> a) throws InterruptedException {
    String name = text(a, "proxy_name");
    String attribute = text(a, "attribute");
    Map<String, Object> proxy = proxyOrNull(a, name);
    if (proxy == null) {
      return null;
    }
    if (!proxy.containsKey(attribute)) {
      throw new ActivityFailed(
          "proxy '"
              + name
              + "' has no attribute '"
              + attribute
              + "'; it has "
              + String.join(", ", proxy.keySet()));
    }
    return proxy.get(attribute);
  }

  /**
   * The proxy, or null when the server says it does not exist. Other errors fail the probe (the
   * reference reads every error as "no such proxy").
   */
  private static Map<String, Object> proxyOrNull(Map<String, Object> a, String name)
      throws InterruptedException {
    try {
      return client(a).proxy(name);
    } catch (ToxiproxyError e) {
      if (!e.notFound()) {
        throw e;
      }
      LOG.debug("No proxy " + name + ": " + e.getMessage());
      return null;
    }
  }
}
