package dev.chaos4j.middleware;

import dev.chaos4j.middleware.internal.Durations;
import dev.chaos4j.middleware.internal.Hosts;
import dev.chaos4j.middleware.internal.PathPattern;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The middleware's configuration: the application's identity, the guardrails and the control plane.
 * Immutable; built with {@link #builder()} or read from {@code chaos4j.middleware.*} keys with
 * {@link #from(Function)}. Everything is off unless {@code chaos4j.middleware.enabled=true}.
 */
public final class MiddlewareConfig {

  /** The prefix of every configuration key. */
  public static final String PREFIX = "chaos4j.middleware.";

  /** Exceptions an attack may throw when the configuration does not say otherwise. */
  public static final Set<String> DEFAULT_ALLOWED_EXCEPTIONS =
      Set.of(
          "java.lang.RuntimeException",
          "java.lang.IllegalStateException",
          "java.io.IOException",
          "java.io.UncheckedIOException",
          "java.util.concurrent.TimeoutException",
          "jakarta.servlet.ServletException");

  /**
   * Exceptions an outbound attack may throw when the configuration does not say otherwise: the
   * failures a real call to a dependency ends with (refused, reset, timed out, unknown host, TLS).
   */
  public static final Set<String> DEFAULT_OUTBOUND_ALLOWED_EXCEPTIONS =
      Set.of(
          "java.io.IOException",
          "java.io.UncheckedIOException",
          "java.net.ConnectException",
          "java.net.SocketException",
          "java.net.SocketTimeoutException",
          "java.net.UnknownHostException",
          "java.net.http.HttpTimeoutException",
          "java.net.http.HttpConnectTimeoutException",
          "javax.net.ssl.SSLHandshakeException");

  private static final int MIN_SECRET_LENGTH = 16;

  private final boolean enabled;
  private final String application;
  private final String environment;
  private final String instance;
  private final Duration readyAfter;
  private final Duration maxDelay;
  private final Duration defaultTtl;
  private final Duration maxTtl;
  private final int maxAttacks;
  private final int maxConcurrent;
  private final Set<String> allowedExceptions;
  private final Set<String> outboundAllowedExceptions;
  private final List<String> excludeRoutes;
  private final List<String> outboundExcludeHosts;
  private final String responseHeader;
  private final boolean logHits;
  private final int afterBufferBytes;
  private final String headerSecret;
  private final boolean allowUnsignedHeaders;
  private final Duration headerMaxTtl;
  private final int replayCacheSize;
  private final int headerMaxBytes;
  private final Integer adminPort;
  private final String adminBind;
  private final String adminToken;
  private final String adminPath;
  private final int adminMaxBodyBytes;
  private final URI controlUrl;
  private final String controlToken;
  private final Duration controlInterval;
  private final Duration controlTimeout;
  private final int controlMaxBodyBytes;

  private MiddlewareConfig(Builder b) {
    enabled = b.enabled;
    application = b.application;
    environment = b.environment;
    instance = b.instance != null ? b.instance : defaultInstance();
    readyAfter = b.readyAfter;
    maxDelay = positive(b.maxDelay, "max-delay");
    defaultTtl = positive(b.defaultTtl, "default-ttl");
    maxTtl = positive(b.maxTtl, "max-ttl");
    if (defaultTtl.compareTo(maxTtl) > 0) {
      throw invalid("default-ttl", "must not exceed max-ttl (" + Durations.format(maxTtl) + ")");
    }
    maxAttacks = atLeast(b.maxAttacks, 1, "max-attacks");
    maxConcurrent = atLeast(b.maxConcurrent, 0, "max-concurrent");
    allowedExceptions = Set.copyOf(b.allowedExceptions);
    outboundAllowedExceptions = Set.copyOf(b.outboundAllowedExceptions);
    List<String> hosts = new ArrayList<>();
    for (String host : b.outboundExcludeHosts) {
      try {
        hosts.add(Hosts.glob(host));
      } catch (IllegalArgumentException e) {
        throw invalid("outbound.exclude-hosts", e.getMessage());
      }
    }
    outboundExcludeHosts = List.copyOf(hosts);
    for (String route : b.excludeRoutes) {
      try {
        PathPattern.compile(route);
      } catch (IllegalArgumentException e) {
        throw invalid("exclude-routes", e.getMessage());
      }
    }
    excludeRoutes = List.copyOf(b.excludeRoutes);
    responseHeader = b.responseHeader == null ? "" : b.responseHeader.trim();
    logHits = b.logHits;
    afterBufferBytes = atLeast(b.afterBufferBytes, 0, "after-buffer-bytes");
    headerSecret = blankToNull(b.headerSecret);
    if (headerSecret != null && headerSecret.length() < MIN_SECRET_LENGTH) {
      throw invalid("header.secret", "must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    allowUnsignedHeaders = b.allowUnsignedHeaders;
    headerMaxTtl = positive(b.headerMaxTtl, "header.max-ttl");
    replayCacheSize = atLeast(b.replayCacheSize, 1, "header.replay-cache-size");
    headerMaxBytes = atLeast(b.headerMaxBytes, 64, "header.max-bytes");
    adminPort = b.adminPort;
    if (adminPort != null && (adminPort < 0 || adminPort > 65535)) {
      throw invalid("admin.port", "must be between 0 and 65535");
    }
    adminBind = b.adminBind;
    adminToken = blankToNull(b.adminToken);
    if (enabled && adminPort != null && adminToken == null) {
      throw invalid("admin.token", "is required when admin.port is set");
    }
    if (adminToken != null && adminToken.length() < MIN_SECRET_LENGTH) {
      throw invalid("admin.token", "must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    if (!b.adminPath.startsWith("/") || b.adminPath.length() < 2 || b.adminPath.endsWith("/")) {
      throw invalid("admin.path", "must start with '/' and not end with one, like /chaos4j");
    }
    adminPath = b.adminPath;
    adminMaxBodyBytes = atLeast(b.adminMaxBodyBytes, 1024, "admin.max-body-bytes");
    controlUrl = b.controlUrl;
    if (controlUrl != null
        && !("http".equals(controlUrl.getScheme()) || "https".equals(controlUrl.getScheme()))) {
      throw invalid("control.url", "must be an http or https URL, got " + controlUrl);
    }
    controlToken = blankToNull(b.controlToken);
    controlInterval = positive(b.controlInterval, "control.interval");
    controlTimeout = positive(b.controlTimeout, "control.timeout");
    controlMaxBodyBytes = atLeast(b.controlMaxBodyBytes, 1024, "control.max-body-bytes");
  }

  /** A builder with the defaults: disabled, safe limits, no control plane. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the configuration from full keys ({@code chaos4j.middleware.enabled}, ...); the lookup
   * returns {@code null} for a key that is not set.
   *
   * @throws IllegalArgumentException naming the key and what is wrong with its value
   */
  public static MiddlewareConfig from(Function<String, String> lookup) {
    return new Reader(lookup).read();
  }

  /**
   * Looks a key up in the system properties, then in the environment, where {@code
   * chaos4j.middleware.admin.port} is {@code CHAOS4J_MIDDLEWARE_ADMIN_PORT}.
   */
  public static Function<String, String> systemLookup() {
    return key -> {
      String value = System.getProperty(key);
      return value != null ? value : System.getenv(environmentName(key));
    };
  }

  /** The environment variable that holds a key. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Whether the middleware may do anything at all. */
  public boolean enabled() {
    return enabled;
  }

  /** This application's name, matched by attacks' {@code application} selector. */
  public String application() {
    return application;
  }

  /** This application's environment, matched by attacks' {@code environment} selector. */
  public String environment() {
    return environment;
  }

  /** This instance's name, matched by attacks' {@code instance} selector. */
  public String instance() {
    return instance;
  }

  /** How long after start to arm by itself; {@code null} waits for {@code markReady()}. */
  public Duration readyAfter() {
    return readyAfter;
  }

  /** The longest delay one request may be given. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The time-to-live of an attack that sets none. */
  public Duration defaultTtl() {
    return defaultTtl;
  }

  /** The longest time-to-live an attack may have. */
  public Duration maxTtl() {
    return maxTtl;
  }

  /** The most attacks installed at once. */
  public int maxAttacks() {
    return maxAttacks;
  }

  /** The most requests attacked at the same time, over all attacks; 0 for no cap. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** The fully qualified exception types attacks may throw. */
  public Set<String> allowedExceptions() {
    return allowedExceptions;
  }

  /** The fully qualified exception types outbound attacks may throw. */
  public Set<String> outboundAllowedExceptions() {
    return outboundAllowedExceptions;
  }

  /** Route patterns never attacked, whatever an attack says (health checks, say). */
  public List<String> excludeRoutes() {
    return excludeRoutes;
  }

  /**
   * Host globs whose calls are never attacked, whatever an outbound attack says (the telemetry
   * backend, the identity provider, say); lower case.
   */
  public List<String> outboundExcludeHosts() {
    return outboundExcludeHosts;
  }

  /** The response header that marks attacked responses; empty for none. */
  public String responseHeader() {
    return responseHeader;
  }

  /** Whether every attacked request is logged. */
  public boolean logHits() {
    return logHits;
  }

  /** How much of a response an after-phase attack holds back, so it can still replace it. */
  public int afterBufferBytes() {
    return afterBufferBytes;
  }

  /** The shared secret that signs attack headers; {@code null} when none is set. */
  public String headerSecret() {
    return headerSecret;
  }

  /** Whether attack headers without a signature are accepted. */
  public boolean allowUnsignedHeaders() {
    return allowUnsignedHeaders;
  }

  /** How far in the future a signed header's expiry may be. */
  public Duration headerMaxTtl() {
    return headerMaxTtl;
  }

  /** How many signatures the replay cache remembers. */
  public int replayCacheSize() {
    return replayCacheSize;
  }

  /** The longest attack header accepted. */
  public int headerMaxBytes() {
    return headerMaxBytes;
  }

  /** Whether attack headers are read at all. */
  public boolean headerAttacks() {
    return headerSecret != null || allowUnsignedHeaders;
  }

  /** The admin API's port (0: any free port); {@code null} when there is no admin API. */
  public Integer adminPort() {
    return adminPort;
  }

  /** The address the admin API listens on. */
  public String adminBind() {
    return adminBind;
  }

  /** The bearer token the admin API requires. */
  public String adminToken() {
    return adminToken;
  }

  /** The admin API's base path. */
  public String adminPath() {
    return adminPath;
  }

  /** The largest request body the admin API reads. */
  public int adminMaxBodyBytes() {
    return adminMaxBodyBytes;
  }

  /** The control URL polled for attacks; {@code null} for none. */
  public URI controlUrl() {
    return controlUrl;
  }

  /** The bearer token sent to the control URL; {@code null} for none. */
  public String controlToken() {
    return controlToken;
  }

  /** The time between two polls of the control URL. */
  public Duration controlInterval() {
    return controlInterval;
  }

  /** The bound on connecting to and reading from the control URL. */
  public Duration controlTimeout() {
    return controlTimeout;
  }

  /** The largest control document read. */
  public int controlMaxBodyBytes() {
    return controlMaxBodyBytes;
  }

  private static String defaultInstance() {
    String host = System.getenv("HOSTNAME");
    return host != null && !host.isBlank() ? host : UUID.randomUUID().toString();
  }

  private static Duration positive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw invalid(key, "must be a positive duration");
    }
    return value;
  }

  private static int atLeast(int value, int min, String key) {
    if (value < min) {
      throw invalid(key, "must be at least " + min + ", got " + value);
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException(PREFIX + key + " " + problem);
  }

  /** Collects settings; {@link #build()} checks them together. */
  public static final class Builder {
    private boolean enabled;
    private String application;
    private String environment;
    private String instance;
    private Duration readyAfter;
    private Duration maxDelay = Duration.ofSeconds(30);
    private Duration defaultTtl = Duration.ofMinutes(5);
    private Duration maxTtl = Duration.ofHours(1);
    private int maxAttacks = 64;
    private int maxConcurrent;
    private Set<String> allowedExceptions = DEFAULT_ALLOWED_EXCEPTIONS;
    private Set<String> outboundAllowedExceptions = DEFAULT_OUTBOUND_ALLOWED_EXCEPTIONS;
    private List<String> excludeRoutes = List.of();
    private List<String> outboundExcludeHosts = List.of();
    private String responseHeader = "X-Chaos4j-Attack";
    private boolean logHits = true;
    private int afterBufferBytes = 64 * 1024;
    private String headerSecret;
    private boolean allowUnsignedHeaders;
    private Duration headerMaxTtl = Duration.ofMinutes(5);
    private int replayCacheSize = 10_000;
    private int headerMaxBytes = 8 * 1024;
    private Integer adminPort;
    private String adminBind = "127.0.0.1";
    private String adminToken;
    private String adminPath = "/chaos4j";
    private int adminMaxBodyBytes = 64 * 1024;
    private URI controlUrl;
    private String controlToken;
    private Duration controlInterval = Duration.ofSeconds(30);
    private Duration controlTimeout = Duration.ofSeconds(5);
    private int controlMaxBodyBytes = 1024 * 1024;

    private Builder() {}

    /** Allows the middleware to act at all (default false). */
    public Builder enabled(boolean value) {
      enabled = value;
      return this;
    }

    /** This application's name, environment and instance (instance default: $HOSTNAME). */
    public Builder identity(String app, String env, String inst) {
      application = app;
      environment = env;
      instance = inst;
      return this;
    }

    /** Arms by itself this long after start; {@code null} (default) waits for markReady(). */
    public Builder readyAfter(Duration value) {
      readyAfter = value;
      return this;
    }

    /** The longest delay one request may be given (default 30s). */
    public Builder maxDelay(Duration value) {
      maxDelay = value;
      return this;
    }

    /** The time-to-live of an attack that sets none (default 5m). */
    public Builder defaultTtl(Duration value) {
      defaultTtl = value;
      return this;
    }

    /** The longest time-to-live (default 1h). */
    public Builder maxTtl(Duration value) {
      maxTtl = value;
      return this;
    }

    /** The most attacks installed at once (default 64). */
    public Builder maxAttacks(int value) {
      maxAttacks = value;
      return this;
    }

    /** The most requests attacked at once over all attacks (default 0: no cap). */
    public Builder maxConcurrent(int value) {
      maxConcurrent = value;
      return this;
    }

    /** The exception types attacks may throw. */
    public Builder allowedExceptions(Set<String> value) {
      allowedExceptions = new LinkedHashSet<>(value);
      return this;
    }

    /** The exception types outbound attacks may throw. */
    public Builder outboundAllowedExceptions(Set<String> value) {
      outboundAllowedExceptions = new LinkedHashSet<>(value);
      return this;
    }

    /** Routes never attacked. */
    public Builder excludeRoutes(List<String> value) {
      excludeRoutes = new ArrayList<>(value);
      return this;
    }

    /** Hosts (globs) whose calls are never attacked. */
    public Builder outboundExcludeHosts(List<String> value) {
      outboundExcludeHosts = new ArrayList<>(value);
      return this;
    }

    /** The header marking attacked responses (default X-Chaos4j-Attack; empty for none). */
    public Builder responseHeader(String value) {
      responseHeader = value;
      return this;
    }

    /** Logs every attacked request (default true). */
    public Builder logHits(boolean value) {
      logHits = value;
      return this;
    }

    /** The response bytes an after-phase attack holds back (default 64 KiB). */
    public Builder afterBufferBytes(int value) {
      afterBufferBytes = value;
      return this;
    }

    /** The secret that signs attack headers (at least 16 characters). */
    public Builder headerSecret(String value) {
      headerSecret = value;
      return this;
    }

    /** Accepts unsigned attack headers (default false). */
    public Builder allowUnsignedHeaders(boolean value) {
      allowUnsignedHeaders = value;
      return this;
    }

    /** How far ahead a signed header may expire (default 5m). */
    public Builder headerMaxTtl(Duration value) {
      headerMaxTtl = value;
      return this;
    }

    /** How many signatures are remembered against replay (default 10000). */
    public Builder replayCacheSize(int value) {
      replayCacheSize = value;
      return this;
    }

    /** The longest attack header accepted (default 8 KiB). */
    public Builder headerMaxBytes(int value) {
      headerMaxBytes = value;
      return this;
    }

    /** Serves the admin API on this port (0: any free port) with this bearer token. */
    public Builder admin(Integer port, String token) {
      adminPort = port;
      adminToken = token;
      return this;
    }

    /** The admin API's address (default 127.0.0.1). */
    public Builder adminBind(String value) {
      adminBind = value;
      return this;
    }

    /** The admin API's base path (default /chaos4j). */
    public Builder adminPath(String value) {
      adminPath = value;
      return this;
    }

    /** The largest admin request body (default 64 KiB). */
    public Builder adminMaxBodyBytes(int value) {
      adminMaxBodyBytes = value;
      return this;
    }

    /** Polls this URL for attacks, sending this bearer token ({@code null}: none). */
    public Builder control(URI url, String token) {
      controlUrl = url;
      controlToken = token;
      return this;
    }

    /** The time between polls (default 30s). */
    public Builder controlInterval(Duration value) {
      controlInterval = value;
      return this;
    }

    /** The bound on one poll (default 5s). */
    public Builder controlTimeout(Duration value) {
      controlTimeout = value;
      return this;
    }

    /** The largest control document (default 1 MiB). */
    public Builder controlMaxBodyBytes(int value) {
      controlMaxBodyBytes = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the key and what is wrong with its value
     */
    public MiddlewareConfig build() {
      return new MiddlewareConfig(this);
    }
  }

  /** Reads {@code chaos4j.middleware.*} keys into a builder, one clear error per bad value. */
  private static final class Reader {
    private final Function<String, String> lookup;

    Reader(Function<String, String> lookup) {
      this.lookup = lookup;
    }

    MiddlewareConfig read() {
      Builder b = builder();
      bool("enabled", v -> b.enabled = v);
      text("application", v -> b.application = v);
      text("environment", v -> b.environment = v);
      text("instance", v -> b.instance = v);
      text(
          "ready-after",
          v ->
              b.readyAfter =
                  v.trim().equalsIgnoreCase("signal") ? null : duration("ready-after", v));
      text("max-delay", v -> b.maxDelay = duration("max-delay", v));
      text("default-ttl", v -> b.defaultTtl = duration("default-ttl", v));
      text("max-ttl", v -> b.maxTtl = duration("max-ttl", v));
      integer("max-attacks", v -> b.maxAttacks = v);
      integer("max-concurrent", v -> b.maxConcurrent = v);
      text("exceptions.allowed", v -> b.allowedExceptions = new LinkedHashSet<>(list(v)));
      text("exclude-routes", v -> b.excludeRoutes = list(v));
      text(
          "outbound.exceptions.allowed",
          v -> b.outboundAllowedExceptions = new LinkedHashSet<>(list(v)));
      text("outbound.exclude-hosts", v -> b.outboundExcludeHosts = list(v));
      String header = lookup.apply(PREFIX + "response-header");
      if (header != null) {
        b.responseHeader = header;
      }
      bool("log-hits", v -> b.logHits = v);
      integer("after-buffer-bytes", v -> b.afterBufferBytes = v);
      text("header.secret", v -> b.headerSecret = v);
      bool("header.allow-unsigned", v -> b.allowUnsignedHeaders = v);
      text("header.max-ttl", v -> b.headerMaxTtl = duration("header.max-ttl", v));
      integer("header.replay-cache-size", v -> b.replayCacheSize = v);
      integer("header.max-bytes", v -> b.headerMaxBytes = v);
      integer("admin.port", v -> b.adminPort = v);
      text("admin.bind", v -> b.adminBind = v.trim());
      text("admin.token", v -> b.adminToken = v);
      text("admin.path", v -> b.adminPath = v.trim());
      integer("admin.max-body-bytes", v -> b.adminMaxBodyBytes = v);
      text("control.url", v -> b.controlUrl = uri("control.url", v));
      text("control.token", v -> b.controlToken = v);
      text("control.interval", v -> b.controlInterval = duration("control.interval", v));
      text("control.timeout", v -> b.controlTimeout = duration("control.timeout", v));
      integer("control.max-body-bytes", v -> b.controlMaxBodyBytes = v);
      return b.build();
    }

    private void text(String key, java.util.function.Consumer<String> sink) {
      String value = lookup.apply(PREFIX + key);
      if (value != null && !value.isBlank()) {
        sink.accept(value);
      }
    }

    private void bool(String key, java.util.function.Consumer<Boolean> sink) {
      text(
          key,
          v -> {
            String t = v.trim().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
              throw invalid(key, "must be true or false, got '" + v + "'");
            }
            sink.accept(t.equals("true"));
          });
    }

    private void integer(String key, java.util.function.Consumer<Integer> sink) {
      text(
          key,
          v -> {
            try {
              sink.accept(Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
              throw invalid(key, "must be a whole number, got '" + v + "'");
            }
          });
    }

    private static Duration duration(String key, String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw invalid(key, e.getMessage());
      }
    }

    private static URI uri(String key, String value) {
      try {
        return URI.create(value.trim());
      } catch (IllegalArgumentException e) {
        throw invalid(key, "is not a URL: '" + value + "'");
      }
    }

    private static List<String> list(String value) {
      List<String> out = new ArrayList<>();
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          out.add(item.trim());
        }
      }
      return out;
    }
  }
}
