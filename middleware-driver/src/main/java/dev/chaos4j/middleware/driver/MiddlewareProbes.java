package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Functions;
import java.util.List;
import java.util.Map;

/** The probes of {@code chaos4j.middleware.probes}: attacks, their hits, the middleware's state. */
final class MiddlewareProbes {
  static final String MODULE = "chaos4j.middleware.probes";

  private MiddlewareProbes() {}

  static List<ActivityFunction> all() {
    return List.of(
        Functions.probe(MODULE, "list_attacks")
            .configuration()
            .secrets()
            .doc(
                "The attacks installed in the middleware, each with its definition, source, state"
                    + " (active, exhausted, not-targeted, disarmed, expired), createdAt, expiresAt,"
                    + " hits and inFlight (a list of such lists for a list of URLs).")
            .returns("list")
            .body(MiddlewareProbes::list),
        Functions.probe(MODULE, "attack_hits")
            .required("attack_id", "string")
            .configuration()
            .secrets()
            .doc(
                "How many requests the attack has hit so far, summed over every configured"
                    + " middleware.")
            .returns("integer")
            .body(MiddlewareProbes::hits),
        Functions.probe(MODULE, "middleware_status")
            .configuration()
            .secrets()
            .doc(
                "The middleware's state: enabled, ready, switchedOn, armed, its application,"
                    + " environment and instance, its number of attacks, its attack-header counters"
                    + " and its control URL's state (a list of them for a list of URLs).")
            .returns("mapping")
            .body(MiddlewareProbes::status));
  }

  private static Object list(Map<String, Object> bound) throws InterruptedException {
    Fleet fleet = AttackActions.fleet(bound);
    return fleet.shaped(
        fleet.each(
            client -> {
              Object answer = client.call("GET", "/attacks", null);
              if (answer instanceof Map<?, ?> m && m.get("attacks") instanceof List<?> attacks) {
                return attacks;
              }
              throw new AdminClient.CallFailed("answered without an 'attacks' list");
            }));
  }

  private static Object hits(Map<String, Object> bound) throws InterruptedException {
    String id = AttackRequest.attackId(new Arguments(bound), true);
    Fleet fleet = AttackActions.fleet(bound);
    List<Long> hits =
        fleet.each(
            client -> {
              Object answer = client.call("GET", "/attacks/" + id, null);
              if (answer instanceof Map<?, ?> m && m.get("hits") instanceof Number n) {
                return n.longValue();
              }
              throw new AdminClient.CallFailed("answered without the attack's 'hits'");
            });
    long total = 0;
    for (Long h : hits) {
      total += h;
    }
    return total;
  }

  private static Object status(Map<String, Object> bound) throws InterruptedException {
    Fleet fleet = AttackActions.fleet(bound);
    return fleet.shaped(fleet.each(client -> client.call("GET", "/status", null)));
  }
}
