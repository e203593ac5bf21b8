package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Argument;
import dev.chaos4j.core.spi.Functions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The actions of {@code chaos4j.middleware.actions}: start, change and end attacks; the switch. */
final class AttackActions {
  static final String MODULE = "chaos4j.middleware.actions";
  private static final Log LOG = Log.of(AttackActions.class);

  private AttackActions() {}

  static List<ActivityFunction> all() {
    return List.of(
        AttackRequest.declare(Functions.action(MODULE, "start_attack"), true)
            .optional("attack_id", "string", null)
            .configuration()
            .secrets()
            .doc(
                "Start an attack on a route of every configured middleware: a delay (delay_ms, or"
                    + " delay_min_ms and delay_max_ms), an exception, an abort with a status, or a"
                    + " delay then a fault. Without ttl it ends by itself after configuration"
                    + " 'chaos4j_middleware_ttl' (default 5m). Returns the attack as the admin API"
                    + " answers it (a list of them for a list of URLs).")
            .returns("mapping")
            .body(AttackActions::start),
        AttackRequest.declare(
                Functions.action(MODULE, "update_attack").required("attack_id", "string"), false)
            .configuration()
            .secrets()
            .doc(
                "Change an installed attack: the arguments given replace those parts, the others"
                    + " are kept; its counters are kept and its lifetime starts again. Returns the"
                    + " attack as the admin API answers it.")
            .returns("mapping")
            .body(AttackActions::update),
        Functions.action(MODULE, "cancel_attack")
            .optional("attack_id", "string", null)
            .configuration()
            .secrets()
            .doc(
                "Remove one attack (attack_id), or every attack installed through the admin API"
                    + " (no attack_id); requests being delayed are released. An attack already gone"
                    + " counts as removed. Returns {\"deleted\": N}.")
            .returns("mapping")
            .body(AttackActions::cancel),
        Functions.action(MODULE, "enable")
            .configuration()
            .secrets()
            .doc("Switch attacks back on after disable. Returns the middleware's status.")
            .returns("mapping")
            .body(args -> toggle(args, "/enable")),
        Functions.action(MODULE, "disable")
            .configuration()
            .secrets()
            .doc(
                "The kill switch: disarm every attack at once and cut short the delays in"
                    + " progress; attacks stay installed until enable. Returns the middleware's"
                    + " status.")
            .returns("mapping")
            .body(args -> toggle(args, "/disable")));
  }

  private static Object start(Map<String, Object> bound) throws InterruptedException {
    Arguments args = new Arguments(bound);
    Fleet fleet = fleet(bound);
    Map<String, Object> attack = AttackRequest.forStart(args, fleet.target().defaultTtl());
    List<Object> results = fleet.each(client -> client.call("POST", "/attacks", attack));
    LOG.info(
        "started attack '"
            + attack.get("id")
            + "' on "
            + attack.get("route")
            + " at "
            + String.join(", ", fleet.target().urls()));
    return fleet.shaped(results);
  }

  @SuppressWarnings("unchecked")
  private static Object update(Map<String, Object> bound) throws InterruptedException {
    Arguments args = new Arguments(bound);
    String id = AttackRequest.attackId(args, true);
    Map<String, Object> changes = AttackRequest.changes(args);
    if (changes.isEmpty()) {
      throw new ActivityFailed("update_attack: give at least one part of the attack to change");
    }
    Fleet fleet = fleet(bound);
    List<Object> results =
        fleet.each(
            client -> {
              Object current = client.call("GET", "/attacks/" + id, null);
              Map<String, Object> merged =
                  AttackRequest.merge((Map<String, Object>) current, changes);
              AttackRequest.checkEffects(merged);
              return client.call("PUT", "/attacks/" + id, merged);
            });
    LOG.info("updated attack '" + id + "' (" + String.join(", ", changes.keySet()) + ")");
    return fleet.shaped(results);
  }

  private static Object cancel(Map<String, Object> bound) throws InterruptedException {
    String id = AttackRequest.attackId(new Arguments(bound), false);
    Fleet fleet = fleet(bound);
    List<Object> results =
        fleet.each(
            client -> {
              if (id == null) {
                return client.call("DELETE", "/attacks", null);
              }
              AdminClient.Reply reply = client.deleteAttack(id);
              if (reply.status() == 404) {
                // gone already (expired, or cancelled before) unless the URL itself is wrong
                client.call("GET", "/attacks", null);
                Map<String, Object> none = new LinkedHashMap<>();
                none.put("deleted", 0);
                return none;
              }
              return reply.json();
            });
    LOG.info(
        (id == null ? "cancelled every attack" : "cancelled attack '" + id + "'")
            + " at "
            + String.join(", ", fleet.target().urls()));
    return fleet.shaped(results);
  }

  private static Object toggle(Map<String, Object> bound, String path) throws InterruptedException {
    Fleet fleet = fleet(bound);
    List<Object> results = fleet.each(client -> client.call("POST", path, null));
    LOG.info(
        (path.equals("/enable") ? "enabled" : "disabled")
            + " attacks at "
            + String.join(", ", fleet.target().urls()));
    return fleet.shaped(results);
  }

  @SuppressWarnings("unchecked")
  static Fleet fleet(Map<String, Object> bound) {
    return Fleet.of(
        (Map<String, Object>) bound.get(Argument.CONFIGURATION),
        (Map<String, Object>) bound.get(Argument.SECRETS));
  }
}
