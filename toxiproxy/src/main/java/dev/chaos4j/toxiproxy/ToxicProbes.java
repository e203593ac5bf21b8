package dev.chaos4j.toxiproxy;

import static dev.chaos4j.toxiproxy.Arguments.client;
import static dev.chaos4j.toxiproxy.Arguments.text;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Functions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code chaostoxi.toxic.probes}, added by chaos4j (the reference cannot read toxics back): a
 * proxy's toxics, whether one exists, and its attributes.
 */
final class ToxicProbes {
  static final String MODULE = "chaostoxi.toxic.probes";

  private ToxicProbes() {}

  static List<ActivityFunction> functions() {
    return List.of(
        Functions.probe(MODULE, "get_toxics")
            .required("for_proxy", "string")
            .configuration()
            .doc(
                "The toxics of a proxy, each as {name, type, stream, toxicity, attributes};"
                    + " added by chaos4j.")
            .returns("list")
            .body(a -> client(a).toxics(text(a, "for_proxy"))),
        Functions.probe(MODULE, "toxic_exists")
            .required("for_proxy", "string")
            .required("toxic_name", "string")
            .configuration()
            .doc("Tell whether a proxy has a toxic of this name; added by chaos4j.")
            .returns("boolean")
            .body(a -> find(a) != null),
        Functions.probe(MODULE, "get_toxic_attribute")
            .required("for_proxy", "string")
            .required("toxic_name", "string")
            .required("attribute", "string")
            .configuration()
            .doc(
                "Read one attribute of a toxic: type, stream, toxicity, attributes, or one of its"
                    + " attributes by name (e.g. latency); null when the proxy has no such toxic;"
                    + " added by chaos4j.")
            .body(ToxicProbes::getToxicAttribute));
  }

  private static Object getToxicAttribute(Map<String, Object> a) throws InterruptedException {
    Map<?, ?> toxic = find(a);
    if (toxic == null) {
      return null;
    }
    String attribute = text(a, "attribute");
    if (toxic.containsKey(attribute)) {
      return toxic.get(attribute);
    }
    Set<Object> known = new LinkedHashSet<>(toxic.keySet());
    if (toxic.get("attributes") instanceof Map<?, ?> attributes) {
      if (attributes.containsKey(attribute)) {
        return attributes.get(attribute);
      }
      known.addAll(attributes.keySet());
    }
    throw new ActivityFailed(
        "toxic '"
            + text(a, "toxic_name")
            + "' of proxy '"
            + text(a, "for_proxy")
            + "' has no attribute '"
            + attribute
            + "'; it has "
            + String.join(", ", known.stream().map(String::valueOf).toList()));
  }

  /**
   * The toxic named {@code toxic_name}, or null. Listing the toxics tells a missing toxic (null)
   * from a missing proxy (the server's 404, a failed probe).
   */
  private static Map<?, ?> find(Map<String, Object> a) throws InterruptedException {
    String name = text(a, "toxic_name");
    for (Object toxic : client(a).toxics(text(a, "for_proxy"))) {
      if (toxic instanceof Map<?, ?> t && name.equals(t.get("name"))) {
        return t;
      }
    }
    return null;
  }
}
