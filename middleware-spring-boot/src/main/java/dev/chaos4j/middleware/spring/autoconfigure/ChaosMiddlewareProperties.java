package dev.chaos4j.middleware.spring.autoconfigure;

import dev.chaos4j.middleware.MiddlewareConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code chaos4j.middleware.*} properties, bound with Spring's relaxed binding (properties,
 * YAML, environment variables such as {@code CHAOS4J_MIDDLEWARE_MAX_DELAY}).
 *
 * <p>Values are kept as the text the user wrote and handed to {@link MiddlewareConfig#from}, which
 * owns the defaults and the validation: a value means the same here as in the servlet filter's init
 * parameters, and is refused with the same message. Unset properties are {@code null} and take the
 * middleware's defaults.
 */
@ConfigurationProperties(prefix = "chaos4j.middleware")
public class ChaosMiddlewareProperties {

  /** Whether the middleware may act at all; nothing is registered unless true. */
  private String enabled;

  /** This application's name, matched by attacks' "application" selector. */
  private String application;

  /** This application's environment, matched by attacks' "environment" selector. */
  private String environment;

  /** This instance's name (default: $HOSTNAME, else a random UUID). */
  private String instance;

  /**
   * When attacks arm: "signal" arms once the application accepts traffic (Spring Boot's readiness);
   * a duration arms that long after start ("0s": at once).
   */
  private String readyAfter;

  /** Longest delay of one request; longer attacks are refused. */
  private String maxDelay;

  /** Lifetime of an attack that sets none. */
  private String defaultTtl;

  /** Longest lifetime an attack may have. */
  private String maxTtl;

  /** Most attacks installed at once. */
  private String maxAttacks;

  /** Most requests attacked at once, over all attacks (0: no cap). */
  private String maxConcurrent;

  /** Route patterns never attacked (health checks, say). */
  private List<String> excludeRoutes = new ArrayList<>();

  /** Header marking attacked responses, its value the attack ids; empty for none. */
  private String responseHeader;

  /** Whether every attacked request is logged (one line, at log-hits-level). */
  private String logHits;

  /** Bytes of a response held back by after-phase attacks so they can still replace it. */
  private String afterBufferBytes;

  /**
   * Level of the line logged per attacked request (trace, debug, info, warn, error), under the
   * logger dev.chaos4j.middleware. Spring Boot starter only.
   */
  private String logHitsLevel;

  /**
   * Order of the chaos filter (servlet Filter and WebFlux WebFilter). The default runs it right
   * after the server's observation filter and before everything else, so attacks show in the
   * http.server.requests metrics and traces. Spring Boot starter only.
   */
  private Integer filterOrder;

  /**
   * Attacks installed at start, by id; each value is the attack's JSON, as for the admin API and
   * the actuator endpoint (e.g. {"route": "/api/orders/**", "delay": {"ms": 500}, "ttl": "1h"}).
   * They act once the middleware is armed and expire like any attack. Spring Boot starter only.
   */
  private Map<String, String> attacks = new LinkedHashMap<>();

  private final Exceptions exceptions = new Exceptions();
  private final Outbound outbound = new Outbound();
  private final Header header = new Header();
  private final Admin admin = new Admin();
  private final Control control = new Control();

  /**
   * The properties as the middleware's configuration keys (without the prefix) and their values;
   * lists are joined with commas. Keys that are not set are absent.
   */
  public Map<String, String> toKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    put(keys, "enabled", enabled);
    put(keys, "application", application);
    put(keys, "environment", environment);
    put(keys, "instance", instance);
    put(keys, "ready-after", readyAfter);
    put(keys, "max-delay", maxDelay);
    put(keys, "default-ttl", defaultTtl);
    put(keys, "max-ttl", maxTtl);
    put(keys, "max-attacks", maxAttacks);
    put(keys, "max-concurrent", maxConcurrent);
    put(keys, "exceptions.allowed", join(exceptions.allowed));
    put(keys, "exclude-routes", join(excludeRoutes));
    put(keys, "outbound.exceptions.allowed", join(outbound.exceptions.allowed));
    put(keys, "outbound.exclude-hosts", join(outbound.excludeHosts));
    put(keys, "response-header", responseHeader);
    put(keys, "log-hits", logHits);
    put(keys, "after-buffer-bytes", afterBufferBytes);
    put(keys, "header.secret", header.secret);
    put(keys, "header.allow-unsigned", header.allowUnsigned);
    put(keys, "header.max-ttl", header.maxTtl);
    put(keys, "header.replay-cache-size", header.replayCacheSize);
    put(keys, "header.max-bytes", header.maxBytes);
    put(keys, "admin.port", admin.port);
    put(keys, "admin.bind", admin.bind);
    put(keys, "admin.token", admin.token);
    put(keys, "admin.path", admin.path);
    put(keys, "admin.max-body-bytes", admin.maxBodyBytes);
    put(keys, "control.url", control.url);
    put(keys, "control.token", control.token);
    put(keys, "control.interval", control.interval);
    put(keys, "control.timeout", control.timeout);
    put(keys, "control.max-body-bytes", control.maxBodyBytes);
    return keys;
  }

  private static void put(Map<String, String> keys, String key, String value) {
    if (value != null) {
      keys.put(key, value);
    }
  }

  private static String join(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  public String getEnabled() {
    return enabled;
  }

  public void setEnabled(String enabled) {
    this.enabled = enabled;
  }

  public String getApplication() {
    return application;
  }

  public void setApplication(String application) {
    this.application = application;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public String getInstance() {
    return instance;
  }

  public void setInstance(String instance) {
    this.instance = instance;
  }

  public String getReadyAfter() {
    return readyAfter;
  }

  public void setReadyAfter(String readyAfter) {
    this.readyAfter = readyAfter;
  }

  public String getMaxDelay() {
    return maxDelay;
  }

  public void setMaxDelay(String maxDelay) {
    this.maxDelay = maxDelay;
  }

  public String getDefaultTtl() {
    return defaultTtl;
  }

  public void setDefaultTtl(String defaultTtl) {
    this.defaultTtl = defaultTtl;
  }

  public String getMaxTtl() {
    return maxTtl;
  }

  public void setMaxTtl(String maxTtl) {
    this.maxTtl = maxTtl;
  }

  public String getMaxAttacks() {
    return maxAttacks;
  }

  public void setMaxAttacks(String maxAttacks) {
    this.maxAttacks = maxAttacks;
  }

  public String getMaxConcurrent() {
    return maxConcurrent;
  }

  public void setMaxConcurrent(String maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
  }

  public List<String> getExcludeRoutes() {
    return excludeRoutes;
  }

  public void setExcludeRoutes(List<String> excludeRoutes) {
    this.excludeRoutes = excludeRoutes;
  }

  public String getResponseHeader() {
    return responseHeader;
  }

  public void setResponseHeader(String responseHeader) {
    this.responseHeader = responseHeader;
  }

  public String getLogHits() {
    return logHits;
  }

  public void setLogHits(String logHits) {
    this.logHits = logHits;
  }

  public String getAfterBufferBytes() {
    return afterBufferBytes;
  }

  public void setAfterBufferBytes(String afterBufferBytes) {
    this.afterBufferBytes = afterBufferBytes;
  }

  public String getLogHitsLevel() {
    return logHitsLevel;
  }

  public void setLogHitsLevel(String logHitsLevel) {
    this.logHitsLevel = logHitsLevel;
  }

  public Integer getFilterOrder() {
    return filterOrder;
  }

  public void setFilterOrder(Integer filterOrder) {
    this.filterOrder = filterOrder;
  }

  public Map<String, String> getAttacks() {
    return attacks;
  }

  public void setAttacks(Map<String, String> attacks) {
    this.attacks = attacks;
  }

  public Exceptions getExceptions() {
    return exceptions;
  }

  public Outbound getOutbound() {
    return outbound;
  }

  public Header getHeader() {
    return header;
  }

  public Admin getAdmin() {
    return admin;
  }

  public Control getControl() {
    return control;
  }

  /** {@code chaos4j.middleware.exceptions.*}: what attacks may throw. */
  public static class Exceptions {

    /**
     * Exception types attacks may throw (default: java.lang.RuntimeException,
     * java.lang.IllegalStateException, java.io.IOException, java.io.UncheckedIOException,
     * java.util.concurrent.TimeoutException, jakarta.servlet.ServletException).
     */
    private List<String> allowed = new ArrayList<>();

    public List<String> getAllowed() {
      return allowed;
    }

    public void setAllowed(List<String> allowed) {
      this.allowed = allowed;
    }
  }

  /** {@code chaos4j.middleware.outbound.*}: attacks on the calls the application makes. */
  public static class Outbound {

    /** Host patterns whose calls are never attacked (the control plane's, say). */
    private List<String> excludeHosts = new ArrayList<>();

    private final OutboundExceptions exceptions = new OutboundExceptions();

    private final Clients clients = new Clients();

    public List<String> getExcludeHosts() {
      return excludeHosts;
    }

    public void setExcludeHosts(List<String> excludeHosts) {
      this.excludeHosts = excludeHosts;
    }

    public OutboundExceptions getExceptions() {
      return exceptions;
    }

    public Clients getClients() {
      return clients;
    }
  }

  /**
   * {@code chaos4j.middleware.outbound.clients.*}: outbound attacks on the HTTP clients Spring Boot
   * builds. Spring Boot starter only.
   */
  public static class Clients {

    /**
     * Whether the RestTemplateBuilder, RestClient.Builder and WebClient.Builder Spring Boot
     * provides apply outbound attacks to the clients built from them.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** {@code chaos4j.middleware.outbound.exceptions.*}: what outbound attacks may throw. */
  public static class OutboundExceptions {

    /**
     * Exception types outbound attacks may throw (default: the failures of a real call:
     * java.io.IOException, java.net.ConnectException, java.net.SocketTimeoutException,
     * java.net.UnknownHostException, java.net.http.HttpTimeoutException and the like).
     */
    private List<String> allowed = new ArrayList<>();

    public List<String> getAllowed() {
      return allowed;
    }

    public void setAllowed(List<String> allowed) {
      this.allowed = allowed;
    }
  }

  /** {@code chaos4j.middleware.header.*}: attacks carried by signed request headers. */
  public static class Header {

    /** Shared secret of signed attack headers (16+ characters); none: headers are not read. */
    private String secret;

    /** Whether attack headers without a signature are accepted (test environments only). */
    private String allowUnsigned;

    /** How far ahead a signature may expire. */
    private String maxTtl;

    /** Signatures remembered against replay. */
    private String replayCacheSize;

    /** Longest attack header read. */
    private String maxBytes;

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }

    public String getAllowUnsigned() {
      return allowUnsigned;
    }

    public void setAllowUnsigned(String allowUnsigned) {
      this.allowUnsigned = allowUnsigned;
    }

    public String getMaxTtl() {
      return maxTtl;
    }

    public void setMaxTtl(String maxTtl) {
      this.maxTtl = maxTtl;
    }

    public String getReplayCacheSize() {
      return replayCacheSize;
    }

    public void setReplayCacheSize(String replayCacheSize) {
      this.replayCacheSize = replayCacheSize;
    }

    public String getMaxBytes() {
      return maxBytes;
    }

    public void setMaxBytes(String maxBytes) {
      this.maxBytes = maxBytes;
    }
  }

  /** {@code chaos4j.middleware.admin.*}: the admin API on a port of its own. */
  public static class Admin {

    /** Port of the admin API (0 picks a free one); none: no admin API. */
    private String port;

    /** Address the admin API listens on. */
    private String bind;

    /** Bearer token of the admin API (16+ characters), required with a port. */
    private String token;

    /** Base path of the admin API. */
    private String path;

    /** Largest request body of the admin API. */
    private String maxBodyBytes;

    public String getPort() {
      return port;
    }

    public void setPort(String port) {
      this.port = port;
    }

    public String getBind() {
      return bind;
    }

    public void setBind(String bind) {
      this.bind = bind;
    }

    public String getToken() {
      return token;
    }

    public void setToken(String token) {
      this.token = token;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getMaxBodyBytes() {
      return maxBodyBytes;
    }

    public void setMaxBodyBytes(String maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }
  }

  /** {@code chaos4j.middleware.control.*}: a URL polled for the attacks of a fleet. */
  public static class Control {

    /** http(s) URL polled for attacks; none: no polling. */
    private String url;

    /** Bearer token sent to the control URL. */
    private String token;

    /** Time between two polls. */
    private String interval;

    /** Bound on one poll. */
    private String timeout;

    /** Largest answer read. */
    private String maxBodyBytes;

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getToken() {
      return token;
    }

    public void setToken(String token) {
      this.token = token;
    }

    public String getInterval() {
      return interval;
    }

    public void setInterval(String interval) {
      this.interval = interval;
    }

    public String getTimeout() {
      return timeout;
    }

    public void setTimeout(String timeout) {
      this.timeout = timeout;
    }

    public String getMaxBodyBytes() {
      return maxBodyBytes;
    }

    public void setMaxBodyBytes(String maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }
  }
}
