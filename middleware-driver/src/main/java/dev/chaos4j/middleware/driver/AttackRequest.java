package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.spi.Functions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The attack a function's snake_case arguments describe, in the middleware's JSON form; for an
 * update, only the parts given, merged into the attack as it is.
 */
final class AttackRequest {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The keys of an attack's definition in the admin API's answers (the rest is its state). */
  private static final Set<String> DEFINITION =
      Set.of(
          "id",
          "direction",
          "host",
          "port",
          "route",
          "methods",
          "headers",
          "application",
          "environment",
          "instance",
          "delay",
          "exception",
          "abort",
          "phase",
          "probability",
          "everyNth",
          "maxConcurrent",
          "maxHits",
          "ttl");

  private AttackRequest() {}

  /**
   * Declares the arguments describing an attack, in the order discovery shows them.
   *
   * @param start true for {@code start_attack} (route required, the middleware's defaults shown),
   *     false for {@code update_attack} (everything optional, null meaning "unchanged")
   */
  static Functions.Builder declare(Functions.Builder f, boolean start) {
    if (start) {
      f.required("route", "string");
    } else {
      f.optional("route", "string", null);
    }
    return f.optional("delay_ms", "integer", null)
        .optional("delay_min_ms", "integer", null)
        .optional("delay_max_ms", "integer", null)
        .optional("delay_jitter_ms", "integer", null)
        .optional("exception", "string", null)
        .optional("exception_message", "string", null)
        .optional("abort_status", "integer", null)
        .optional("abort_body", "string", null)
        .optional("abort_content_type", "string", null)
        .optional("methods", "list", null)
        .optional("headers", "mapping", null)
        .optional("application", "string", null)
        .optional("environment", "string", null)
        .optional("instance", "string", null)
        .optional("phase", "string", start ? "before" : null)
        .optional("probability", "number", start ? 1.0 : null)
        .optional("every_nth", "integer", start ? 1 : null)
        .optional("max_concurrent", "integer", start ? 0 : null)
        .optional("max_hits", "integer", start ? 0 : null)
        .optional("ttl", "object", null);
  }

  /**
   * The attack {@code start_attack} installs: every given part, the default lifetime when none is
   * given, and a generated id when none is given (the same on every middleware of a fleet, so that
   * it can be cancelled everywhere by id).
   */
  static Map<String, Object> forStart(Arguments args, Object defaultTtl) {
    Map<String, Object> attack = changes(args);
    if (!attack.containsKey("delay")
        && !attack.containsKey("exception")
        && !attack.containsKey("abort")) {
      throw new ActivityFailed(
          "an attack needs an effect: give delay_ms (or delay_min_ms and delay_max_ms), exception,"
              + " or abort_status");
    }
    checkEffects(attack);
    String id = attackId(args, false);
    attack.put("id", id == null ? generatedId("chaos4j") : id);
    attack.putIfAbsent("ttl", defaultTtl);
    return attack;
  }

  /**
   * Checks that each effect of a complete attack has its main part: an abort its status, an
   * exception its type.
   */
  static void checkEffects(Map<String, Object> attack) {
    if (attack.get("abort") instanceof Map<?, ?> abort && abort.get("status") == null) {
      throw new ActivityFailed("abort_body and abort_content_type go with abort_status");
    }
    if (attack.get("exception") instanceof Map<?, ?> exception && exception.get("type") == null) {
      throw new ActivityFailed("exception_message goes with exception (the exception's type)");
    }
  }

  /** The attack id argument, checked; null when not given and not required. */
  static String attackId(Arguments args, boolean required) {
    String id = required ? args.requiredString("attack_id") : args.string("attack_id");
    if (id != null && !ID.matcher(id).matches()) {
      throw new ActivityFailed(
          "argument 'attack_id' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit, got '"
              + id
              + "'");
    }
    return id;
  }

  /** A fresh id such as {@code chaos4j-1a2b3c4d}. */
  static String generatedId(String prefix) {
    return prefix + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }

  /** The parts of an attack the arguments give, in the middleware's JSON form. */
  static Map<String, Object> changes(Arguments args) {
    Map<String, Object> out = new LinkedHashMap<>();
    putIfGiven(out, "route", args.string("route"));
    List<String> methods = args.strings("methods", "an HTTP method or a list of them");
    if (methods != null) {
      out.put("methods", methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
    }
    putIfGiven(out, "headers", args.stringMap("headers", "a mapping of header names to globs"));
    putIfGiven(out, "application", args.string("application"));
    putIfGiven(out, "environment", args.string("environment"));
    putIfGiven(out, "instance", args.string("instance"));
    putIfGiven(out, "delay", delay(args));
    putIfGiven(out, "exception", exception(args));
    putIfGiven(out, "abort", abort(args));
    if (out.containsKey("exception") && out.containsKey("abort")) {
      throw new ActivityFailed(
          "an attack either throws an exception or aborts with a status: give exception or"
              + " abort_status, not both");
    }
    String phase = args.string("phase");
    if (phase != null) {
      String p = phase.trim().toLowerCase(Locale.ROOT);
      if (!p.equals("before") && !p.equals("after")) {
        throw Arguments.invalid("phase", "\"before\" or \"after\"", phase);
      }
      out.put("phase", p);
    }
    Double probability = args.number("probability", "a number in (0, 1]");
    if (probability != null) {
      if (!(probability > 0 && probability <= 1)) {
        throw Arguments.invalid("probability", "a number in (0, 1]", args.raw("probability"));
      }
      out.put("probability", probability);
    }
    putIfGiven(out, "everyNth", positive(args, "every_nth", 1));
    putIfGiven(out, "maxConcurrent", positive(args, "max_concurrent", 0));
    putIfGiven(out, "maxHits", positive(args, "max_hits", 0));
    Object ttl = args.raw("ttl");
    if (ttl != null) {
      if (!(ttl instanceof String || ttl instanceof Number)) {
        throw Arguments.invalid(
            "ttl", "a number of seconds or a duration such as \"10m\"", args.raw("ttl"));
      }
      out.put("ttl", ttl);
    }
    return out;
  }

  /**
   * The attack as it is with the changes applied: a new delay form replaces the other form, an
   * exception replaces an abort and the other way round, and the parts of an effect not given are
   * kept.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> current, Map<String, Object> changes) {
    Map<String, Object> out = new LinkedHashMap<>();
    current.forEach(
        (key, value) -> {
          if (DEFINITION.contains(key) && value != null) {
            out.put(key, value);
          }
        });
    for (Map.Entry<String, Object> change : changes.entrySet()) {
      String key = change.getKey();
      Object value = change.getValue();
      switch (key) {
        case "delay" -> {
          Map<String, Object> delay = nested(out.get("delay"));
          Map<String, Object> given = (Map<String, Object>) value;
          if (given.containsKey("ms")) {
            delay.remove("minMs");
            delay.remove("maxMs");
          }
          if (given.containsKey("minMs") || given.containsKey("maxMs")) {
            delay.remove("ms");
            delay.remove("jitterMs");
          }
          delay.putAll(given);
          out.put("delay", delay);
        }
        case "exception", "abort" -> {
          String other = key.equals("exception") ? "abort" : "exception";
          Map<String, Object> effect = nested(out.remove(key));
          effect.putAll((Map<String, Object>) value);
          out.remove(other);
          out.put(key, effect);
        }
        default -> out.put(key, value);
      }
    }
    return out;
  }

  private static Map<String, Object> nested(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  private static Map<String, Object> delay(Arguments args) {
    Long ms = nonNegative(args, "delay_ms");
    Long min = nonNegative(args, "delay_min_ms");
    Long max = nonNegative(args, "delay_max_ms");
    Long jitter = nonNegative(args, "delay_jitter_ms");
    if (ms == null && min == null && max == null && jitter == null) {
      return null;
    }
    if (ms != null && (min != null || max != null)) {
      throw new ActivityFailed(
          "give either delay_ms (a fixed delay) or delay_min_ms and delay_max_ms (a range), not"
              + " both");
    }
    if (jitter != null && (min != null || max != null)) {
      throw new ActivityFailed("delay_jitter_ms goes with delay_ms, not with a range");
    }
    if (min != null && max != null && min > max) {
      throw new ActivityFailed(
          "delay_min_ms (" + min + ") must not be larger than delay_max_ms (" + max + ")");
    }
    Map<String, Object> delay = new LinkedHashMap<>();
    putIfGiven(delay, "ms", ms);
    putIfGiven(delay, "minMs", min);
    putIfGiven(delay, "maxMs", max);
    putIfGiven(delay, "jitterMs", jitter);
    return delay;
  }

  private static Map<String, Object> exception(Arguments args) {
    String type = args.string("exception");
    String message = args.string("exception_message");
    if (type == null && message == null) {
      return null;
    }
    Map<String, Object> exception = new LinkedHashMap<>();
    putIfGiven(exception, "type", type);
    putIfGiven(exception, "message", message);
    return exception;
  }

  private static Map<String, Object> abort(Arguments args) {
    Long status = args.whole("abort_status", "an HTTP status (400 to 599)");
    if (status != null && (status < 400 || status > 599)) {
      throw Arguments.invalid(
          "abort_status", "an HTTP status (400 to 599)", args.raw("abort_status"));
    }
    String body = args.string("abort_body");
    String contentType = args.string("abort_content_type");
    if (status == null && body == null && contentType == null) {
      return null;
    }
    Map<String, Object> abort = new LinkedHashMap<>();
    putIfGiven(abort, "status", status);
    putIfGiven(abort, "body", body);
    putIfGiven(abort, "contentType", contentType);
    return abort;
  }

  private static Long nonNegative(Arguments args, String name) {
    Long value = args.whole(name, "a whole number of milliseconds, 0 or more");
    if (value != null && value < 0) {
      throw Arguments.invalid(name, "a whole number of milliseconds, 0 or more", args.raw(name));
    }
    return value;
  }

  private static Long positive(Arguments args, String name, long min) {
    String what = "a whole number, " + min + " or more";
    Long value = args.whole(name, what);
    if (value != null && value < min) {
      throw Arguments.invalid(name, what, args.raw(name));
    }
    return value;
  }

  private static void putIfGiven(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
