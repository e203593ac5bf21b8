package dev.chaos4j.middleware;

import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Delay;
import dev.chaos4j.middleware.AttackSpec.Direction;
import dev.chaos4j.middleware.AttackSpec.Fault;
import dev.chaos4j.middleware.AttackSpec.Phase;
import dev.chaos4j.middleware.AttackSpec.ThrowException;
import dev.chaos4j.middleware.internal.Durations;
import dev.chaos4j.middleware.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of an attack. Strict: an unknown key is an error, because a misspelt targeting key
 * (say {@code "probabilty"}) would otherwise silently widen the blast radius.
 */
final class AttackJson {

  private static final Set<String> KEYS =
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
  private static final Set<String> DELAY_KEYS = Set.of("ms", "minMs", "maxMs", "jitterMs");
  private static final Set<String> EXCEPTION_KEYS = Set.of("type", "message");
  private static final Set<String> ABORT_KEYS = Set.of("status", "body", "contentType");

  private AttackJson() {}

  static AttackSpec parse(String json) {
    Object document;
    try {
      document = Json.parse(json);
    } catch (Json.JsonException e) {
      throw new InvalidAttackException(e.getMessage());
    }
    return fromMap(object(document, "the attack"));
  }

  static AttackSpec fromMap(Map<String, ?> json) {
    onlyKeys(json, KEYS, "an attack");
    if (json.containsKey("exception") && json.containsKey("abort")) {
      throw new InvalidAttackException("an attack takes either 'exception' or 'abort', not both");
    }
    Fault fault = null;
    if (json.get("exception") != null) {
      Map<String, ?> e = object(json.get("exception"), "'exception'");
      onlyKeys(e, EXCEPTION_KEYS, "'exception'");
      fault = new ThrowException(string(e, "type", true), string(e, "message", false));
    } else if (json.get("abort") != null) {
      Map<String, ?> a = object(json.get("abort"), "'abort'");
      onlyKeys(a, ABORT_KEYS, "'abort'");
      Long status = integer(a, "status");
      if (status == null) {
        throw new InvalidAttackException("'abort' needs a 'status'");
      }
      fault =
          new Abort(
              (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, status)),
              string(a, "body", false),
              string(a, "contentType", false));
    }
    Double probability = number(json, "probability");
    Long everyNth = integer(json, "everyNth");
    Long maxConcurrent = integer(json, "maxConcurrent");
    Long maxHits = integer(json, "maxHits");
    Long port = integer(json, "port");
    if (port != null && (port < 1 || port > 65535)) {
      throw new InvalidAttackException("'port' must be between 1 and 65535, got " + port);
    }
    return new AttackSpec(
        string(json, "id", false),
        string(json, "route", false),
        methods(json.get("methods")),
        headers(json.get("headers")),
        string(json, "application", false),
        string(json, "environment", false),
        string(json, "instance", false),
        delay(json.get("delay")),
        fault,
        phase(json.get("phase")),
        probability == null ? 1 : probability,
        everyNth == null ? 1 : clampInt(everyNth),
        maxConcurrent == null ? 0 : clampInt(maxConcurrent),
        maxHits == null ? 0 : maxHits,
        ttl(json.get("ttl")),
        direction(json.get("direction")),
        string(json, "host", false),
        port == null ? 0 : port.intValue());
  }

  static Map<String, Object> toMap(AttackSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", spec.id());
    out.put("direction", spec.direction().jsonName());
    putIfPresent(out, "host", spec.host());
    if (spec.port() != 0) {
      out.put("port", spec.port());
    }
    out.put("route", spec.route());
    if (!spec.methods().isEmpty()) {
      out.put("methods", spec.methods());
    }
    if (!spec.headers().isEmpty()) {
      out.put("headers", spec.headers());
    }
    putIfPresent(out, "application", spec.application());
    putIfPresent(out, "environment", spec.environment());
    putIfPresent(out, "instance", spec.instance());
    Delay delay = spec.delay();
    if (delay != null) {
      Map<String, Object> d = new LinkedHashMap<>();
      if (delay.minMillis() == delay.maxMillis()) {
        d.put("ms", delay.minMillis());
        if (delay.jitterMillis() > 0) {
          d.put("jitterMs", delay.jitterMillis());
        }
      } else {
        d.put("minMs", delay.minMillis());
        d.put("maxMs", delay.maxMillis());
      }
      out.put("delay", d);
    }
    if (spec.fault() instanceof ThrowException e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", e.type());
      putIfPresent(m, "message", e.message());
      out.put("exception", m);
    } else if (spec.fault() instanceof Abort a) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", a.status());
      m.put("body", a.body());
      m.put("contentType", a.contentType());
      out.put("abort", m);
    }
    out.put("phase", spec.phase().jsonName());
    out.put("probability", spec.probability());
    out.put("everyNth", spec.everyNth());
    out.put("maxConcurrent", spec.maxConcurrent());
    out.put("maxHits", spec.maxHits());
    if (spec.ttl() != null) {
      out.put("ttl", Durations.format(spec.ttl()));
    }
    return out;
  }

  private static void putIfPresent(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  private static Delay delay(Object value) {
    if (value == null) {
      return null;
    }
    Map<String, ?> d = object(value, "'delay'");
    onlyKeys(d, DELAY_KEYS, "'delay'");
    Long ms = integer(d, "ms");
    Long min = integer(d, "minMs");
    Long max = integer(d, "maxMs");
    Long jitter = integer(d, "jitterMs");
    if (ms != null && (min != null || max != null)) {
      throw new InvalidAttackException("'delay' takes either 'ms' or 'minMs' and 'maxMs'");
    }
    if (ms != null) {
      return new Delay(ms, ms, jitter == null ? 0 : jitter);
    }
    if (min == null || max == null) {
      throw new InvalidAttackException("'delay' needs 'ms', or both 'minMs' and 'maxMs'");
    }
    return new Delay(min, max, jitter == null ? 0 : jitter);
  }

  private static List<String> methods(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidAttackException("'methods' must be a list of HTTP methods");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new InvalidAttackException("'methods' must be a list of HTTP methods");
      }
      out.add(s);
    }
    return out;
  }

  private static Map<String, String> headers(Object value) {
    if (value == null) {
      return Map.of();
    }
    Map<String, ?> h = object(value, "'headers'");
    Map<String, String> out = new LinkedHashMap<>();
    h.forEach(
        (name, glob) -> {
          if (!(glob instanceof String s)) {
            throw new InvalidAttackException("header '" + name + "' must map to a string");
          }
          out.put(name, s);
        });
    return out;
  }

  private static Direction direction(Object value) {
    if (value == null) {
      return Direction.INBOUND;
    }
    if (value instanceof String s) {
      for (Direction d : Direction.values()) {
        if (d.jsonName().equals(s.toLowerCase(Locale.ROOT))) {
          return d;
        }
      }
    }
    throw new InvalidAttackException(
        "'direction' must be \"inbound\" or \"outbound\", got " + show(value));
  }

  private static Phase phase(Object value) {
    if (value == null) {
      return Phase.BEFORE;
    }
    if (value instanceof String s) {
      for (Phase p : Phase.values()) {
        if (p.jsonName().equals(s.toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
    }
    throw new InvalidAttackException("'phase' must be \"before\" or \"after\", got " + show(value));
  }

  private static Duration ttl(Object value) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Number n) {
        return Durations.ofSeconds(n);
      }
      if (value instanceof String s) {
        return Durations.parse(s);
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidAttackException("'ttl': " + e.getMessage());
    }
    throw new InvalidAttackException(
        "'ttl' must be a number of seconds or a duration such as \"5m\"");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> object(Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw new InvalidAttackException(what + " must be a JSON object, got " + show(value));
    }
    return (Map<String, ?>) value;
  }

  private static void onlyKeys(Map<String, ?> json, Set<String> allowed, String where) {
    for (String key : json.keySet()) {
      if (!allowed.contains(key)) {
        throw new InvalidAttackException(
            "unknown key '"
                + key
                + "' in "
                + where
                + " (known: "
                + String.join(", ", sorted(allowed))
                + ")");
      }
    }
  }

  private static List<String> sorted(Set<String> keys) {
    List<String> out = new ArrayList<>(keys);
    out.sort(null);
    return out;
  }

  private static String string(Map<String, ?> json, String key, boolean required) {
    Object value = json.get(key);
    if (value == null) {
      if (required) {
        throw new InvalidAttackException("'" + key + "' is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      throw new InvalidAttackException("'" + key + "' must be a string, got " + show(value));
    }
    return s;
  }

  private static Long integer(Map<String, ?> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    throw new InvalidAttackException("'" + key + "' must be a whole number, got " + show(value));
  }

  private static Double number(Map<String, ?> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new InvalidAttackException("'" + key + "' must be a number, got " + show(value));
  }

  private static int clampInt(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  private static String show(Object value) {
    return value instanceof String ? "\"" + value + "\"" : Json.write(value);
  }
}
