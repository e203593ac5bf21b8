package dev.chaos4j.middleware;

import dev.chaos4j.middleware.internal.Hosts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The definition of one attack: which requests it targets and what it does to them. Immutable and
 * checked on construction; the guardrails of the configuration (maximum delay, exception
 * allow-list, maximum time-to-live) are checked when the attack is installed.
 *
 * <p>An attack acts either on the requests the application receives ({@link Direction#INBOUND}, the
 * default) or on the calls it makes to its dependencies ({@link Direction#OUTBOUND}): then {@code
 * host} and {@code port} name the dependency, {@code route}, {@code methods} and {@code headers}
 * describe the outgoing call, and the attack acts before the call is sent.
 *
 * @param id unique name ({@code [A-Za-z0-9][A-Za-z0-9._-]*}, at most 64 characters); {@code null}
 *     lets {@link ChaosMiddleware#create} choose one
 * @param route anchored route pattern relative to the context path (see {@code
 *     dev.chaos4j.middleware.internal.PathPattern}), or over the whole path of the called URL for
 *     an outbound attack; {@code /**} targets every route
 * @param methods HTTP methods targeted (upper case); empty targets every method
 * @param headers request headers (of the outgoing call, for an outbound attack) that must be
 *     present with a value matching the glob ({@code *} any characters, {@code ?} one character);
 *     empty places no condition
 * @param application the application name targeted, or {@code null} for any
 * @param environment the environment targeted, or {@code null} for any
 * @param instance the instance targeted, or {@code null} for any
 * @param delay the delay to add, or {@code null}
 * @param fault the fault to inject (after the delay, if both are given), or {@code null}
 * @param phase whether the attack happens before or after the application's handler; outbound
 *     attacks act before the call is sent
 * @param probability the chance, in (0, 1], that a targeted request is attacked
 * @param everyNth attack only every Nth targeted request (1 attacks every one)
 * @param maxConcurrent at most this many requests attacked at the same time; 0 for no cap
 * @param maxHits stop after this many attacked requests; 0 for no cap
 * @param ttl how long the attack lives once installed; {@code null} for the configured default
 * @param direction whether the attack acts on received requests or on calls to dependencies
 * @param host the called host, a glob matched case-insensitively (outbound only); {@code null} for
 *     any
 * @param port the called port, the scheme's default when the URL names none (outbound only); 0 for
 *     any
 */
public record AttackSpec(
    String id,
    String route,
    List<String> methods,
    Map<String, String> headers,
    String application,
    String environment,
    String instance,
    Delay delay,
    Fault fault,
    Phase phase,
    double probability,
    int everyNth,
    int maxConcurrent,
    long maxHits,
    Duration ttl,
    Direction direction,
    String host,
    int port) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

  /** Checks every field on its own; a problem is an {@link InvalidAttackException}. */
  public AttackSpec {
    if (id != null && !ID.matcher(id).matches()) {
      throw new InvalidAttackException(
          "id '"
              + id
              + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    route = route == null ? "/**" : route;
    List<String> upper = new ArrayList<>();
    for (String m : methods == null ? List.<String>of() : methods) {
      String method = Objects.requireNonNull(m, "method").toUpperCase(Locale.ROOT);
      if (!METHOD.matcher(method).matches()) {
        throw new InvalidAttackException("'" + m + "' is not an HTTP method");
      }
      upper.add(method);
    }
    methods = List.copyOf(upper);
    Map<String, String> copy = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(
          (name, glob) -> {
            if (name == null || !TOKEN.matcher(name).matches()) {
              throw new InvalidAttackException("'" + name + "' is not an HTTP header name");
            }
            if (glob == null) {
              throw new InvalidAttackException("header '" + name + "' needs a value (or '*')");
            }
            copy.put(name, glob);
          });
    }
    headers = Collections.unmodifiableMap(copy);
    phase = phase == null ? Phase.BEFORE : phase;
    if (delay == null && fault == null) {
      throw new InvalidAttackException("an attack needs a delay, an exception or an abort");
    }
    if (!(probability > 0 && probability <= 1)) {
      throw new InvalidAttackException(
          "probability must be greater than 0 and at most 1, got " + probability);
    }
    if (everyNth < 1) {
      throw new InvalidAttackException("everyNth must be at least 1, got " + everyNth);
    }
    if (maxConcurrent < 0) {
      throw new InvalidAttackException("maxConcurrent must be 0 (no cap) or more");
    }
    if (maxHits < 0) {
      throw new InvalidAttackException("maxHits must be 0 (no cap) or more");
    }
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new InvalidAttackException("ttl must be positive");
    }
    direction = direction == null ? Direction.INBOUND : direction;
    if (direction == Direction.INBOUND && (host != null || port != 0)) {
      throw new InvalidAttackException(
          "'host' and 'port' name a dependency: they need \"direction\": \"outbound\"");
    }
    if (direction == Direction.OUTBOUND && phase == Phase.AFTER) {
      throw new InvalidAttackException(
          "an outbound attack acts before the call is sent; phase 'after' is for inbound attacks");
    }
    if (host != null) {
      try {
        host = Hosts.glob(host);
      } catch (IllegalArgumentException e) {
        throw new InvalidAttackException(e.getMessage());
      }
    }
    if (port < 0 || port > 65535) {
      throw new InvalidAttackException("port must be between 1 and 65535, got " + port);
    }
  }

  /**
   * An inbound attack: the form of the record before outbound attacks existed, kept for the code
   * written against it.
   */
  public AttackSpec(
      String id,
      String route,
      List<String> methods,
      Map<String, String> headers,
      String application,
      String environment,
      String instance,
      Delay delay,
      Fault fault,
      Phase phase,
      double probability,
      int everyNth,
      int maxConcurrent,
      long maxHits,
      Duration ttl) {
    this(
        id,
        route,
        methods,
        headers,
        application,
        environment,
        instance,
        delay,
        fault,
        phase,
        probability,
        everyNth,
        maxConcurrent,
        maxHits,
        ttl,
        Direction.INBOUND,
        null,
        0);
  }

  /** Whether the attack acts on calls to dependencies. */
  public boolean outbound() {
    return direction == Direction.OUTBOUND;
  }

  /** Parses the JSON form used by the admin API and the control URL. */
  public static AttackSpec parse(String json) {
    return AttackJson.parse(json);
  }

  /** Reads the JSON form already parsed into maps and lists. */
  public static AttackSpec fromMap(Map<String, ?> json) {
    return AttackJson.fromMap(json);
  }

  /** The JSON form, as maps and lists; {@link #fromMap} reads it back. */
  public Map<String, Object> toMap() {
    return AttackJson.toMap(this);
  }

  /** This attack under another id. */
  public AttackSpec withId(String newId) {
    return new AttackSpec(
        newId,
        route,
        methods,
        headers,
        application,
        environment,
        instance,
        delay,
        fault,
        phase,
        probability,
        everyNth,
        maxConcurrent,
        maxHits,
        ttl,
        direction,
        host,
        port);
  }

  /** Starts an attack on a route; the builder's defaults attack every request it targets. */
  public static Builder on(String route) {
    return new Builder(route);
  }

  /** Which side of the application an attack acts on. */
  public enum Direction {
    /** The requests the application receives (the servlet filter). */
    INBOUND,
    /** The calls the application makes to its dependencies (client adapters). */
    OUTBOUND;

    /** The name used in JSON. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** When an attack acts, relative to the application's handler. */
  public enum Phase {
    /** Before the handler: an abort or exception means the handler never runs. */
    BEFORE,
    /** After the handler: its side effects happen, then the response is delayed or replaced. */
    AFTER;

    /** The name used in JSON. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A delay: fixed ({@code min == max}, no jitter), uniform in a range ({@code min < max}), or a
   * base with a uniform jitter of up to {@code jitterMillis} either side.
   *
   * @param minMillis shortest delay
   * @param maxMillis longest delay (before jitter)
   * @param jitterMillis spread either side of a fixed delay; 0 for none
   */
  public record Delay(long minMillis, long maxMillis, long jitterMillis) {
    /** Checks the bounds. */
    public Delay {
      if (minMillis < 0 || maxMillis < minMillis) {
        throw new InvalidAttackException(
            "delay must have 0 <= minMs <= maxMs, got " + minMillis + " and " + maxMillis);
      }
      if (jitterMillis < 0) {
        throw new InvalidAttackException("delay jitterMs must not be negative");
      }
      if (jitterMillis > 0 && minMillis != maxMillis) {
        throw new InvalidAttackException("delay takes either a range (minMs, maxMs) or jitterMs");
      }
    }

    /** A fixed delay. */
    public static Delay fixed(long millis) {
      return new Delay(millis, millis, 0);
    }

    /** A delay drawn uniformly from [min, max]. */
    public static Delay between(long minMillis, long maxMillis) {
      return new Delay(minMillis, maxMillis, 0);
    }

    /** A delay of {@code millis} plus or minus up to {@code jitterMillis}. */
    public static Delay jittered(long millis, long jitterMillis) {
      return new Delay(millis, millis, jitterMillis);
    }

    /** The longest this delay can be. */
    public long longestMillis() {
      return maxMillis + jitterMillis;
    }
  }

  /** What replaces the normal handling of an attacked request. */
  public sealed interface Fault permits ThrowException, Abort {}

  /**
   * Throws an exception of a type the configuration allows ({@code
   * chaos4j.middleware.exceptions.allowed}); the container then answers as it does for any uncaught
   * exception.
   *
   * @param type fully qualified class name
   * @param message the exception's message, or {@code null} for a default naming the attack
   */
  public record ThrowException(String type, String message) implements Fault {
    /** Checks the name's shape; whether it is allowed is checked on installation. */
    public ThrowException {
      if (type == null
          || !type.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
        throw new InvalidAttackException("exception type '" + type + "' is not a class name");
      }
    }
  }

  /**
   * Answers with a status and a body instead of (or in place of) the application's response.
   *
   * @param status HTTP status, 400 to 599
   * @param body the response body, at most 64 KiB
   * @param contentType its content type
   */
  public record Abort(int status, String body, String contentType) implements Fault {
    /** Checks the status and body. */
    public Abort {
      if (status < 400 || status > 599) {
        throw new InvalidAttackException("abort status must be between 400 and 599, got " + status);
      }
      body = body == null ? "" : body;
      if (body.length() > 65_536) {
        throw new InvalidAttackException("abort body is longer than 64 KiB");
      }
      contentType = contentType == null ? "text/plain;charset=UTF-8" : contentType;
    }

    /** The body's bytes in answer to a call of this HTTP method: none for {@code HEAD}. */
    public byte[] bodyBytes(String method) {
      return "HEAD".equals(method) ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Builds an attack in code; {@link AttackSpec#on(String)} starts one. */
  public static final class Builder {
    private String id;
    private final String route;
    private List<String> methods = List.of();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String application;
    private String environment;
    private String instance;
    private Delay delay;
    private Fault fault;
    private Phase phase = Phase.BEFORE;
    private double probability = 1;
    private int everyNth = 1;
    private int maxConcurrent;
    private long maxHits;
    private Duration ttl;
    private Direction direction = Direction.INBOUND;
    private String host;
    private int port;

    private Builder(String route) {
      this.route = route;
    }

    /** Names the attack. */
    public Builder id(String value) {
      id = value;
      return this;
    }

    /** Targets only these methods. */
    public Builder methods(String... values) {
      methods = List.of(values);
      return this;
    }

    /** Targets only requests with this header matching the glob. */
    public Builder header(String name, String valueGlob) {
      headers.put(name, valueGlob);
      return this;
    }

    /** Targets only this application, environment and instance ({@code null}: any). */
    public Builder target(String app, String env, String inst) {
      application = app;
      environment = env;
      instance = inst;
      return this;
    }

    /** Adds a delay. */
    public Builder delay(Delay value) {
      delay = value;
      return this;
    }

    /** Injects a fault (after the delay, if any). */
    public Builder fault(Fault value) {
      fault = value;
      return this;
    }

    /** Acts before or after the handler. */
    public Builder phase(Phase value) {
      phase = value;
      return this;
    }

    /** Attacks a targeted request with this probability. */
    public Builder probability(double value) {
      probability = value;
      return this;
    }

    /** Attacks every Nth targeted request. */
    public Builder everyNth(int value) {
      everyNth = value;
      return this;
    }

    /** Caps the requests attacked at the same time. */
    public Builder maxConcurrent(int value) {
      maxConcurrent = value;
      return this;
    }

    /** Caps the number of attacked requests. */
    public Builder maxHits(long value) {
      maxHits = value;
      return this;
    }

    /** Sets the time-to-live. */
    public Builder ttl(Duration value) {
      ttl = value;
      return this;
    }

    /** Acts on the calls the application makes (the route is then the called URL's path). */
    public Builder outbound() {
      direction = Direction.OUTBOUND;
      return this;
    }

    /** Targets only calls to hosts matching this glob (outbound attacks). */
    public Builder host(String glob) {
      host = glob;
      return this;
    }

    /** Targets only calls to this port (outbound attacks). */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /** The attack. */
    public AttackSpec build() {
      return new AttackSpec(
          id,
          route,
          methods,
          headers,
          application,
          environment,
          instance,
          delay,
          fault,
          phase,
          probability,
          everyNth,
          maxConcurrent,
          maxHits,
          ttl,
          direction,
          host,
          port);
    }
  }
}
