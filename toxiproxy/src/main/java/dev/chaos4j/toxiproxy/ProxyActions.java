package dev.chaos4j.toxiproxy;

import static dev.chaos4j.toxiproxy.Arguments.client;
import static dev.chaos4j.toxiproxy.Arguments.text;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Functions;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code chaostoxi.proxy.actions}: create, change, disable, enable and delete proxies, and reset
 * the server.
 */
final class ProxyActions {
  static final String MODULE = "chaostoxi.proxy.actions";

  private static final Log LOG = Log.of(ProxyActions.class);
  private static final String ENV_PREFIX = "env:";

  private ProxyActions() {}

  /** The functions, registered under this module name. */
  static List<ActivityFunction> functions(String module) {
    return List.of(
        Functions.action(module, "create_proxy")
            .required("proxy_name", "string")
            .required("upstream_host", "string")
            .required("upstream_port", "integer")
            .optional("listen_host", "string", "0.0.0.0")
            .optional("listen_port", "integer", 0)
            .optional("enabled", "boolean", true)
            .configuration()
            .doc(
                "Create a proxy listening on listen_host:listen_port (port 0: any free port) that"
                    + " forwards to upstream_host:upstream_port; either may be 'env:NAME' to read"
                    + " an environment variable. Sets <proxy_name>_PORT to the port it listens"
                    + " on.")
            .returns("boolean")
            .body(ProxyActions::createProxy),
        Functions.action(module, "modify_proxy")
            .required("proxy_name", "string")
            .optional("listen_address", "string", null)
            .optional("upstream_address", "string", null)
            .optional("enabled", "boolean", null)
            .configuration()
            .doc(
                "Change a proxy's listen address, upstream address or enabled state; only the"
                    + " arguments given change.")
            .returns("boolean")
            .body(ProxyActions::modifyProxy),
        Functions.action(module, "disable_proxy")
            .required("proxy_name", "string")
            .configuration()
            .doc(
                "Disable a proxy: its service is down for the clients going through it (new"
                    + " connections are refused, open ones closed).")
            .returns("boolean")
            .body(a -> modify(a, Map.of("enabled", false))),
        Functions.action(module, "enable_proxy")
            .required("proxy_name", "string")
            .configuration()
            .doc("Enable a disabled proxy again.")
            .returns("boolean")
            .body(a -> modify(a, Map.of("enabled", true))),
        Functions.action(module, "delete_proxy")
            .required("proxy_name", "string")
            .configuration()
            .doc("Delete a proxy; a failure is only logged as a warning.")
            .body(ProxyActions::deleteProxy),
        Functions.action(module, "reset")
            .configuration()
            .doc("Enable every proxy and remove every toxic.")
            .returns("boolean")
            .body(ProxyActions::reset));
  }

  private static Object createProxy(Map<String, Object> a) throws InterruptedException {
    String name = text(a, "proxy_name");
    Map<String, Object> proxy = new LinkedHashMap<>();
    proxy.put("name", name);
    proxy.put("listen", text(a, "listen_host") + ":" + text(a, "listen_port"));
    proxy.put(
        "upstream",
        fromEnvironment(a, "upstream_host") + ":" + fromEnvironment(a, "upstream_port"));
    proxy.put("enabled", a.get("enabled"));
    LOG.debug("Creating proxy " + Json.compact(proxy));
    Map<String, Object> created = client(a).createProxy(proxy);
    String port = exportPort(name, created);
    LOG.debug("Proxy " + name + " is listening on port " + port);
    return true;
  }

  private static Object modifyProxy(Map<String, Object> a) throws InterruptedException {
    Map<String, Object> changes = new LinkedHashMap<>();
    putIfGiven(changes, "listen", a.get("listen_address"));
    putIfGiven(changes, "upstream", a.get("upstream_address"));
    putIfGiven(changes, "enabled", a.get("enabled"));
    return modify(a, changes);
  }

  private static Object modify(Map<String, Object> a, Map<String, Object> changes)
      throws InterruptedException {
    String name = text(a, "proxy_name");
    LOG.debug("Modifying proxy " + name + " with " + Json.compact(changes));
    exportPort(name, client(a).updateProxy(name, changes));
    return true;
  }

  private static Object deleteProxy(Map<String, Object> a) throws InterruptedException {
    String name = text(a, "proxy_name");
    try {
      client(a).deleteProxy(name);
    } catch (ToxiproxyError e) {
      // as the reference: deleting is best effort (e.g. a rollback after the proxy went away)
      LOG.warning("Unable to delete proxy " + name + ": " + e.getMessage());
    }
    return null;
  }

  private static Object reset(Map<String, Object> a) throws InterruptedException {
    try {
      client(a).reset();
      return true;
    } catch (ToxiproxyError e) {
      if (!e.answered()) {
        throw e;
      }
      LOG.warning("Unable to reset Toxiproxy: " + e.getMessage());
      return false;
    }
  }

  /**
   * Sets {@code <proxy_name>_PORT} to the port the proxy listens on, for later {@code env:} lookups
   * (the reference sets it in its process environment, and in a copy of the configuration that
   * later activities do not see).
   */
  private static String exportPort(String proxyName, Map<String, Object> proxy) {
    String listen = Py.str(proxy.get("listen"));
    String port = listen.substring(listen.lastIndexOf(':') + 1);
    if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
      throw new ActivityFailed(
          "cannot read the port of proxy '" + proxyName + "' from its listen address " + listen);
    }
    ExportedEnvironment.put(proxyName + "_PORT", port);
    return port;
  }

  /** An argument's value, or the environment variable it names as {@code env:NAME}. */
  private static String fromEnvironment(Map<String, Object> a, String argument) {
    Object value = a.get(argument);
    if (value instanceof String s && s.startsWith(ENV_PREFIX)) {
      String variable = s.substring(ENV_PREFIX.length());
      String resolved = ExportedEnvironment.get(variable);
      if (resolved == null) {
        throw new ActivityFailed(
            argument + " '" + s + "' names environment variable " + variable + ", which is unset");
      }
      return resolved;
    }
    return Py.str(value);
  }

  private static void putIfGiven(Map<String, Object> changes, String field, Object value) {
    if (value != null) {
      changes.put(field, value);
    }
  }
}
