package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.value.Py;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The middlewares an activity drives, read from the run's configuration and secrets: their admin
 * API base URLs, the token, the bound on each call, TLS checking and the default attack lifetime.
 *
 * @param urls the admin API base URLs, e.g. {@code http://127.0.0.1:9010/chaos4j}, without a
 *     trailing slash
 * @param fleet whether the configuration gave a list (results are then lists, one per URL)
 * @param token the bearer token of the admin API
 * @param timeout the bound on each call (connect, then answer)
 * @param verifyTls whether https certificates are checked
 * @param defaultTtl the lifetime of attacks started without one, as the middleware reads it
 */
record MiddlewareTarget(
    List<String> urls,
    boolean fleet,
    String token,
    Duration timeout,
    boolean verifyTls,
    Object defaultTtl) {

  static final String DEFAULT_ADMIN_PATH = "/chaos4j";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final String DEFAULT_TTL = "5m";

  /**
   * Reads the target.
   *
   * @param configuration the run's configuration (may be null)
   * @param secrets the secrets of the activity's scopes (null when it names none)
   * @throws ActivityFailed saying which key is missing or wrong
   */
  static MiddlewareTarget of(Map<String, Object> configuration, Map<String, Object> secrets) {
    Map<String, Object> config = configuration == null ? Map.of() : configuration;
    Object rawUrls = config.get(MiddlewareDriverExtension.URL);
    if (rawUrls == null) {
      throw new ActivityFailed(
          "no chaos4j middleware to drive: set configuration '"
              + MiddlewareDriverExtension.URL
              + "' to the admin API URL (e.g. http://127.0.0.1:9010/chaos4j) or a list of them");
    }
    boolean fleet = rawUrls instanceof List<?>;
    List<String> urls = new ArrayList<>();
    for (Object item : fleet ? (List<?>) rawUrls : List.of(rawUrls)) {
      if (!(item instanceof String s)) {
        throw new ActivityFailed(
            "configuration '"
                + MiddlewareDriverExtension.URL
                + "' must be a URL or a list of URLs, got "
                + Py.repr(rawUrls));
      }
      // a comma-separated string lets a fleet come from one environment variable
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          urls.add(baseUrl(part.trim()));
        }
      }
      fleet |= s.contains(",");
    }
    if (urls.isEmpty()) {
      throw new ActivityFailed(
          "configuration '" + MiddlewareDriverExtension.URL + "' lists no URL");
    }
    return new MiddlewareTarget(
        List.copyOf(urls),
        fleet,
        token(config, secrets),
        timeout(config.get(MiddlewareDriverExtension.TIMEOUT)),
        verifyTls(config.get(MiddlewareDriverExtension.VERIFY_TLS)),
        config.get(MiddlewareDriverExtension.TTL) == null
            ? DEFAULT_TTL
            : config.get(MiddlewareDriverExtension.TTL));
  }

  /** The URL with the admin API's default path when it has none, without a trailing slash. */
  static String baseUrl(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw notAUrl(text);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw notAUrl(text);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ActivityFailed(
          "configuration '"
              + MiddlewareDriverExtension.URL
              + "': "
              + Py.repr(text)
              + " must not have a query or a fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      path = DEFAULT_ADMIN_PATH;
    }
    return scheme + "://" + uri.getRawAuthority() + path;
  }

  private static ActivityFailed notAUrl(String text) {
    return new ActivityFailed(
        "configuration '"
            + MiddlewareDriverExtension.URL
            + "': "
            + Py.repr(text)
            + " is not an http(s) URL of a chaos4j middleware admin API");
  }

  private static String token(Map<String, Object> config, Map<String, Object> secrets) {
    Object token = secrets == null ? null : secrets.get(MiddlewareDriverExtension.TOKEN);
    if (token == null) {
      token = config.get(MiddlewareDriverExtension.TOKEN);
    }
    if (token == null || (token instanceof String s && s.isBlank())) {
      throw new ActivityFailed(
          "no token for the chaos4j middleware admin API: set secret '"
              + MiddlewareDriverExtension.TOKEN
              + "' (and list its scope in the provider's \"secrets\") or configuration '"
              + MiddlewareDriverExtension.TOKEN
              + "'");
    }
    if (!(token instanceof String s)) {
      throw new ActivityFailed("'" + MiddlewareDriverExtension.TOKEN + "' must be a string");
    }
    return s.trim();
  }

  private static Duration timeout(Object value) {
    if (value == null) {
      return DEFAULT_TIMEOUT;
    }
    double seconds;
    try {
      seconds =
          value instanceof Number n
              ? n.doubleValue()
              : Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds > 0) || seconds > 3600) {
      throw new ActivityFailed(
          "configuration '"
              + MiddlewareDriverExtension.TIMEOUT
              + "' must be a number of seconds between 0 and 3600, got "
              + Py.repr(value));
    }
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  private static boolean verifyTls(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default ->
          throw new ActivityFailed(
              "configuration '"
                  + MiddlewareDriverExtension.VERIFY_TLS
                  + "' must be true or false, got "
                  + Py.repr(value));
    };
  }
}
