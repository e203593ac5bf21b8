package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Functions;
import dev.chaos4j.core.value.Py;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proofdock's {@code pdchaoskit.application.actions} on the chaos4j middleware: {@code
 * start_attack(target, name, value)} installs one attack on the middlewares serving application
 * {@code target}; {@code cancel_attack(target)} removes the attacks it installed there, or every
 * attack when no target is given. There is no Proofdock cloud in between: the configured
 * middlewares' admin APIs are called directly and changes act at once.
 */
final class ProofdockActions {
  static final String MODULE = "pdchaoskit.application.actions";

  /** The prefix of the ids of attacks this mapping installs, by which cancel finds them. */
  static final String ID_PREFIX = "pdchaoskit";

  private static final Log LOG = Log.of(ProofdockActions.class);

  private ProofdockActions() {}

  static List<ActivityFunction> all() {
    return List.of(
        Functions.action(MODULE, "start_attack")
            .required("target", "string")
            .required("name", "string")
            .required("value", "string")
            .configuration()
            .secrets()
            .doc(
                "Start an attack on every route of the application named target (the"
                    + " application name its chaos4j middleware is configured with). name 'delay':"
                    + " value is a number of seconds (or a duration such as 250ms); 'fault': value"
                    + " is the exception type to throw (it must be on the middleware's allow-list);"
                    + " 'abort': value is an HTTP status. Applied after the handler, as Proofdock"
                    + " does, at once, for configuration 'chaos4j_middleware_ttl' (default 5m)."
                    + " Returns the attacks installed.")
            .returns("list")
            .body(ProofdockActions::start),
        Functions.action(MODULE, "cancel_attack")
            .optional("target", "string", null)
            .configuration()
            .secrets()
            .doc(
                "Cancel the attacks start_attack installed on the application named target, or,"
                    + " without a target, every attack installed through the admin API of every"
                    + " configured middleware. Returns the attacks cancelled.")
            .returns("list")
            .body(ProofdockActions::cancel));
  }

  private static Object start(Map<String, Object> bound) throws InterruptedException {
    Arguments args = new Arguments(bound);
    String target = args.requiredString("target");
    String name = args.requiredString("name").trim().toLowerCase(Locale.ROOT);
    Object value = args.raw("value");
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new ActivityFailed("argument 'value' is required and must not be empty");
    }
    Fleet fleet = AttackActions.fleet(bound);
    Map<String, Object> attack = new LinkedHashMap<>();
    attack.put("id", AttackRequest.generatedId(ID_PREFIX));
    attack.put("route", "/**");
    attack.put("application", target);
    switch (name) {
      case "delay" -> attack.put("delay", Map.of("ms", delayMillis(value)));
      case "fault" -> attack.put("exception", Map.of("type", Py.str(value).trim()));
      case "abort" -> attack.put("abort", Map.of("status", status(value)));
      default ->
          throw new ActivityFailed(
              "argument 'name' must be 'delay', 'fault' or 'abort', got " + Py.repr(name));
    }
    // Proofdock's middleware attacks once the handler has run
    attack.put("phase", "after");
    attack.put("ttl", fleet.target().defaultTtl());
    List<AdminClient> serving = serving(fleet, target);
    List<Object> created = fleet.each(serving, client -> client.call("POST", "/attacks", attack));
    LOG.info(
        "started "
            + name
            + " attack '"
            + attack.get("id")
            + "' on application "
            + target
            + " ("
            + serving.size()
            + " middleware(s))");
    return new ArrayList<>(created);
  }

  private static Object cancel(Map<String, Object> bound) throws InterruptedException {
    String target = new Arguments(bound).string("target");
    Fleet fleet = AttackActions.fleet(bound);
    List<List<Object>> cancelled;
    if (target == null || target.isBlank()) {
      cancelled =
          fleet.each(
              client -> {
                List<Object> local = localAttacks(client);
                client.call("DELETE", "/attacks", null);
                return local;
              });
    } else {
      cancelled =
          fleet.each(
              serving(fleet, target),
              client -> {
                List<Object> mine = new ArrayList<>();
                for (Object attack : localAttacks(client)) {
                  if (attack instanceof Map<?, ?> a
                      && String.valueOf(a.get("id")).startsWith(ID_PREFIX + "-")
                      && target.equals(a.get("application"))) {
                    // gone meanwhile (expired) is as good as cancelled
                    client.deleteAttack(a.get("id"));
                    mine.add(attack);
                  }
                }
                return mine;
              });
    }
    List<Object> all = new ArrayList<>();
    cancelled.forEach(all::addAll);
    LOG.info(
        "cancelled "
            + all.size()
            + " attack(s)"
            + (target == null || target.isBlank() ? "" : " on application " + target));
    return all;
  }

  /** The middlewares whose application is the target; fails as Proofdock does when none is. */
  private static List<AdminClient> serving(Fleet fleet, String target) throws InterruptedException {
    List<Object> statuses = fleet.each(client -> client.call("GET", "/status", null));
    List<AdminClient> serving = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < statuses.size(); i++) {
      Object application = statuses.get(i) instanceof Map<?, ?> m ? m.get("application") : null;
      seen.add(application == null ? "(no application name)" : String.valueOf(application));
      if (target.equals(application)) {
        serving.add(fleet.clients().get(i));
      }
    }
    if (serving.isEmpty()) {
      throw new ActivityFailed(
          "Application "
              + target
              + " not found. The configured middlewares serve: "
              + String.join(", ", seen));
    }
    return serving;
  }

  private static List<Object> localAttacks(AdminClient client) throws InterruptedException {
    Object answer = client.call("GET", "/attacks", null);
    List<Object> local = new ArrayList<>();
    if (answer instanceof Map<?, ?> m && m.get("attacks") instanceof List<?> attacks) {
      for (Object attack : attacks) {
        if (attack instanceof Map<?, ?> a && "local".equals(a.get("source"))) {
          local.add(attack);
        }
      }
    }
    return local;
  }

  /**
   * Proofdock's delay value: whole seconds ({@code 2}, {@code "2"}); chaos4j also takes a fraction
   * ({@code 1.5}) and a duration with a unit ({@code "250ms"}, {@code "2s"}).
   */
  static long delayMillis(Object value) {
    String text = Py.str(value).trim().toLowerCase(Locale.ROOT);
    BigDecimal millis;
    try {
      if (text.endsWith("ms")) {
        millis = new BigDecimal(text.substring(0, text.length() - 2).trim());
      } else if (text.endsWith("s")) {
        millis = new BigDecimal(text.substring(0, text.length() - 1).trim()).movePointRight(3);
      } else {
        millis = new BigDecimal(text).movePointRight(3);
      }
    } catch (NumberFormatException e) {
      millis = null;
    }
    if (millis == null
        || millis.signum() <= 0
        || millis.compareTo(BigDecimal.valueOf(86_400_000L)) > 0) {
      throw Arguments.invalid(
          "value",
          "a positive number of seconds (or a duration such as \"250ms\") for a delay",
          value);
    }
    return millis.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  private static int status(Object value) {
    String text = Py.str(value).trim();
    try {
      int status = Integer.parseInt(text);
      if (status >= 400 && status <= 599) {
        return status;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Arguments.invalid("value", "an HTTP status (400 to 599) for an abort", value);
  }
}
