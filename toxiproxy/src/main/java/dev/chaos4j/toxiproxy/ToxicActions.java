package dev.chaos4j.toxiproxy;

import static dev.chaos4j.toxiproxy.Arguments.client;
import static dev.chaos4j.toxiproxy.Arguments.text;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Argument;
import dev.chaos4j.core.spi.Functions;
import dev.chaos4j.core.value.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code chaostoxi.toxic.actions}: add toxics to a proxy (any type, or one of the reference's
 * helpers for the common ones), change and remove them.
 */
final class ToxicActions {
  static final String MODULE = "chaostoxi.toxic.actions";

  /**
   * The {@code toxic_type} of the legacy {@code toxiproxy.*} modules that takes the proxy down:
   * Toxiproxy has no such toxic, disabling the proxy is how its users take a service down.
   */
  private static final String DOWN = "down";

  /** The helpers' arguments named otherwise than the attribute they give. */
  private static final Map<String, String> ATTRIBUTE_OF = Map.of("bytes_limit", "bytes");

  private static final Log LOG = Log.of(ToxicActions.class);

  private ToxicActions() {}

  /**
   * The functions, registered under this module name.
   *
   * @param legacy whether they are the legacy {@code toxiproxy.*} modules' functions, whose {@code
   *     create_toxic} also takes the proxy down ({@code toxic_type: "down"}) and, without {@code
   *     toxic_type}, undoes a toxic
   */
  static List<ActivityFunction> functions(String module, boolean legacy) {
    return List.of(
        createToxic(module, legacy),
        helper(
            module,
            "create_latency_toxic",
            "latency",
            "Delay the data coming back from the upstream by latency ms (+/- jitter ms).",
            integer("latency"),
            Argument.optional("jitter", "integer", 0)),
        helper(
            module,
            "create_bandwith_degradation_toxic",
            "bandwidth",
            "Limit the bandwidth of the data coming back from the upstream to rate KB/s.",
            integer("rate")),
        helper(
            module,
            "create_slow_connection_close_toxic",
            "slow_close",
            "Delay by delay ms the closing of connections by the upstream.",
            integer("delay")),
        helper(
            module,
            "create_timeout_toxic",
            "timeout",
            "Stop all data coming back from the upstream and close the connection after timeout"
                + " ms (0: never close).",
            integer("timeout")),
        helper(
            module,
            "create_slicer_toxic",
            "slicer",
            "Slice the data coming back from the upstream into pieces of average_size bytes (+/-"
                + " size_variation), delay microseconds apart.",
            integer("average_size"),
            integer("size_variation"),
            integer("delay")),
        helper(
            module,
            "create_limiter_toxic",
            "limit_data",
            "Close connections once bytes_limit bytes have come back from the upstream on them.",
            integer("bytes_limit")),
        Functions.action(module, "update_toxic")
            .required("for_proxy", "string")
            .required("toxic_name", "string")
            .optional("toxicity", "number", null)
            .optional("attributes", "mapping", null)
            .configuration()
            .doc(
                "Change a toxic's toxicity and some of its attributes (the others are kept);"
                    + " added by chaos4j.")
            .returns("boolean")
            .body(ToxicActions::updateToxic),
        Functions.action(module, "delete_toxic")
            .required("for_proxy", "string")
            .required("toxic_name", "string")
            .configuration()
            .doc("Remove a toxic; false when the server refuses (e.g. there is no such toxic).")
            .returns("boolean")
            .body(ToxicActions::deleteToxic));
  }

  private static ActivityFunction createToxic(String module, boolean legacy) {
    Functions.Builder builder =
        Functions.action(module, "create_toxic")
            .required("for_proxy", "string")
            .required("toxic_name", "string");
    if (legacy) {
      builder.optional("toxic_type", "string", null);
    } else {
      builder.required("toxic_type", "string");
    }
    builder
        .optional("stream", "string", "downstream")
        .optional("toxicity", "number", 1.0)
        .optional("attributes", "mapping", null)
        .configuration()
        .returns("boolean");
    if (!legacy) {
      return builder
          .doc(
              "Add a toxic of any type (latency, bandwidth, slow_close, timeout, reset_peer,"
                  + " slicer, limit_data...) to the upstream or downstream of a proxy, acting on"
                  + " the given fraction (toxicity) of its connections.")
          .body(ToxicActions::createToxic);
    }
    return builder
        .doc(
            "The legacy name of chaostoxi.toxic.actions.create_toxic, where toxic_type 'down'"
                + " disables the proxy, and where, without toxic_type, it undoes toxic_name: it"
                + " removes the toxic of that name if there is one and enables the proxy if it is"
                + " disabled.")
        .body(ToxicActions::createOrUndoToxic);
  }

  private static Object createToxic(Map<String, Object> a) throws InterruptedException {
    String proxy = text(a, "for_proxy");
    String name = text(a, "toxic_name");
    Map<String, Object> toxic = new LinkedHashMap<>();
    toxic.put("name", name);
    toxic.put("type", a.get("toxic_type"));
    toxic.put("stream", a.get("stream"));
    toxic.put("toxicity", a.get("toxicity"));
    toxic.put("attributes", a.get("attributes"));
    LOG.info("Creating toxic " + name + " for proxy " + proxy + ": " + Json.compact(toxic));
    Map<String, Object> created = client(a).createToxic(proxy, toxic);
    return name.equals(created.get("name"));
  }

  /**
   * One of the reference's helpers: a toxic of this type, downstream, on every connection, whose
   * attributes are the helper's arguments after {@code for_proxy} and {@code toxic_name}.
   */
  private static ActivityFunction helper(
      String module, String name, String type, String doc, Argument... attributes) {
    Functions.Builder builder =
        Functions.action(module, name)
            .required("for_proxy", "string")
            .required("toxic_name", "string");
    for (Argument a : attributes) {
      if (a.required()) {
        builder.required(a.name(), a.type());
      } else {
        builder.optional(a.name(), a.type(), a.defaultValue());
      }
    }
    return builder
        .configuration()
        .doc(doc)
        .returns("boolean")
        .body(
            call -> {
              Map<String, Object> values = new LinkedHashMap<>();
              for (Argument a : attributes) {
                values.put(ATTRIBUTE_OF.getOrDefault(a.name(), a.name()), call.get(a.name()));
              }
              Map<String, Object> toxic = new LinkedHashMap<>(call);
              toxic.put("toxic_type", type);
              toxic.put("stream", "downstream");
              toxic.put("toxicity", 1.0);
              toxic.put("attributes", values);
              return createToxic(toxic);
            });
  }

  private static Argument integer(String name) {
    return Argument.required(name, "integer");
  }

  private static Object createOrUndoToxic(Map<String, Object> a) throws InterruptedException {
    Object type = a.get("toxic_type");
    if (type == null) {
      if (a.get("attributes") != null) {
        throw new ActivityFailed(
            "create_toxic was given attributes but no toxic_type: name the type of toxic to"
                + " create (without toxic_type, create_toxic removes toxic '"
                + text(a, "toxic_name")
                + "')");
      }
      return undo(a);
    }
    if (DOWN.equals(type)) {
      return takeDown(a);
    }
    return createToxic(a);
  }

  private static Object takeDown(Map<String, Object> a) throws InterruptedException {
    String proxy = text(a, "for_proxy");
    client(a).updateProxy(proxy, Map.of("enabled", false));
    LOG.info("Proxy " + proxy + " is down (disabled) for toxic " + text(a, "toxic_name"));
    return true;
  }

  /**
   * Leaves the proxy as it was before {@code toxic_name}: without that toxic, and enabled (a "down"
   * toxic disables it). Safe to repeat, and after a method that failed before adding the toxic.
   */
  private static Object undo(Map<String, Object> a) throws InterruptedException {
    String proxyName = text(a, "for_proxy");
    String name = text(a, "toxic_name");
    ToxiproxyClient client = client(a);
    Map<String, Object> proxy = client.proxy(proxyName);
    if (hasToxic(proxy, name)) {
      try {
        client.deleteToxic(proxyName, name);
        LOG.info("Removed toxic " + name + " from proxy " + proxyName);
      } catch (ToxiproxyError e) {
        if (!e.notFound()) {
          throw e;
        }
        // removed by someone else meanwhile: the outcome is the one wanted
      }
    }
    if (Boolean.FALSE.equals(proxy.get("enabled"))) {
      client.updateProxy(proxyName, Map.of("enabled", true));
      LOG.info("Proxy " + proxyName + " is up (enabled) again");
    }
    return true;
  }

  private static boolean hasToxic(Map<String, Object> proxy, String name) {
    if (proxy.get("toxics") instanceof List<?> toxics) {
      for (Object toxic : toxics) {
        if (toxic instanceof Map<?, ?> t && name.equals(t.get("name"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object updateToxic(Map<String, Object> a) throws InterruptedException {
    String proxy = text(a, "for_proxy");
    String name = text(a, "toxic_name");
    Map<String, Object> changes = new LinkedHashMap<>();
    if (a.get("toxicity") != null) {
      changes.put("toxicity", a.get("toxicity"));
    }
    if (a.get("attributes") != null) {
      changes.put("attributes", a.get("attributes"));
    }
    LOG.info("Updating toxic " + name + " of proxy " + proxy + ": " + Json.compact(changes));
    client(a).updateToxic(proxy, name, changes);
    return true;
  }

  private static Object deleteToxic(Map<String, Object> a) throws InterruptedException {
    String proxy = text(a, "for_proxy");
    String name = text(a, "toxic_name");
    try {
      client(a).deleteToxic(proxy, name);
      return true;
    } catch (ToxiproxyError e) {
      if (!e.answered()) {
        throw e;
      }
      LOG.warning("Unable to delete toxic " + name + " of proxy " + proxy + ": " + e.getMessage());
      return false;
    }
  }
}
