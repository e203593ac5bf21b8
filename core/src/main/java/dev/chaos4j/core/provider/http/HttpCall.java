package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP activity turned into a request: the provider's fields substituted and interpreted the
 * way the reference (python-requests) interprets them.
 *
 * @param url the URL as the activity gives it (after substitution), for messages
 * @param request the request to send
 * @param timeouts connect and read timeouts
 * @param verifyTls whether the server's certificate and host name are checked
 * @param maxRetries how many times a failed connection attempt is retried
 */
record HttpCall(
    String url, HttpRequest request, HttpTimeouts timeouts, boolean verifyTls, int maxRetries) {

  /** Headers sent unless the activity overrides them (a null value in the activity removes one). */
  private static final List<Header> DEFAULT_HEADERS =
      List.of(
          new Header("User-Agent", userAgent()),
          new Header("Accept", "*/*"),
          new Header("Accept-Encoding", "gzip, deflate"));

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  /** Headers the JDK client computes itself and refuses to take from callers. */
  private static final Set<String> CLIENT_MANAGED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** URL characters python-requests leaves as they are when it re-quotes a URL. */
  private static final String URL_SAFE = "!#$&'()*+,/:;=?@[]~-._";

  private static final Log LOG = Log.of(HttpProvider.class);

  /**
   * Builds the call of an activity.
   *
   * @throws ChaosException naming the activity when a field cannot be used (the reference crashes
   *     on these, which aborts the run)
   */
  static HttpCall of(Map<?, ?> provider, ProviderContext context, String activityName) {
    try {
      return build(provider, context, activityName);
    } catch (ChaosException e) {
      throw new ChaosException("HTTP activity '" + activityName + "': " + e.getMessage(), e);
    }
  }

  private static HttpCall build(Map<?, ?> provider, ProviderContext context, String activityName) {
    Substitution substitution = new Substitution(context.configuration(), context.secrets());
    Object urlValue = substitution.apply(provider.get("url"));
    if (!(urlValue instanceof String url) || url.isEmpty()) {
      throw new ChaosException("the URL must be a non-empty string, got " + Py.repr(urlValue));
    }
    String method = method(provider.get("method"));
    Object headers = substitution.apply(provider.get("headers"));
    if (headers != null && !(headers instanceof Map)) {
      throw new ChaosException("headers must be a mapping, got " + Py.repr(headers));
    }
    HttpTimeouts timeouts = HttpTimeouts.parse(substitution.apply(provider.get("timeout")));
    Object arguments = provider.get("arguments");
    if (Py.truthy(arguments)
        && (Py.truthy(context.configuration()) || Py.truthy(context.secrets()))) {
      arguments = substitution.apply(arguments);
    }

    Map<String, Header> sent = headers(headers == null ? Map.of() : (Map<?, ?>) headers);
    String query = null;
    BodyPublisher body = BodyPublishers.noBody();
    if (method.equals("GET")) {
      if (Py.truthy(arguments)) {
        query = FormEncoding.encode(arguments);
      }
    } else if (arguments != null && isJson(headers)) {
      body = BodyPublishers.ofString(asciiJson(arguments), StandardCharsets.UTF_8);
    } else if (Py.truthy(arguments)) {
      body = BodyPublishers.ofString(FormEncoding.encode(arguments), StandardCharsets.UTF_8);
      if (!(arguments instanceof String)) {
        sent.putIfAbsent("content-type", new Header("Content-Type", FORM));
      }
    }

    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(url, query)).timeout(timeouts.read());
    try {
      builder.method(method, body);
    } catch (IllegalArgumentException e) {
      throw new ChaosException("invalid HTTP method " + Py.repr(method));
    }
    for (Header h : sent.values()) {
      addHeader(builder, h, activityName);
    }
    return new HttpCall(
        url,
        builder.build(),
        timeouts,
        verifyTls(provider.get("verify_tls")),
        maxRetries(provider));
  }

  private static String method(Object value) {
    if (value == null) {
      return "GET";
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ChaosException("the method must be a string, got " + Py.repr(value));
    }
    return s.toUpperCase(Locale.ROOT);
  }

  /** Default headers overridden by the activity's, keyed by lower-cased name. */
  private static Map<String, Header> headers(Map<?, ?> given) {
    Map<String, Header> sent = new LinkedHashMap<>();
    DEFAULT_HEADERS.forEach(header -> sent.put(lower(header.name()), header));
    for (Map.Entry<?, ?> e : given.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (e.getValue() == null) {
        sent.remove(lower(name));
      } else {
        sent.put(lower(name), new Header(name, Py.str(e.getValue())));
      }
    }
    return sent;
  }

  /**
   * Whether the body is JSON: the reference asks for a {@code Content-Type} of exactly {@code
   * application/json}. The header name is matched without regard to case, as HTTP does.
   */
  private static boolean isJson(Object headers) {
    if (headers instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (String.valueOf(e.getKey()).equalsIgnoreCase("Content-Type")) {
          return JSON.equals(e.getValue());
        }
      }
    }
    return false;
  }

  private static void addHeader(HttpRequest.Builder builder, Header header, String activityName) {
    try {
      builder.header(header.name(), header.value());
    } catch (IllegalArgumentException e) {
      if (!CLIENT_MANAGED.contains(lower(header.name()))) {
        throw new ChaosException(
            "invalid header " + Py.repr(header.name()) + ": " + e.getMessage());
      }
      LOG.warning(
          "HTTP activity '"
              + activityName
              + "': the header '"
              + header.name()
              + "' is set by the HTTP client itself, the value given is not sent");
    }
  }

  /** Python's {@code json.dumps} with its defaults: non-ASCII characters escaped. */
  static String asciiJson(Object value) {
    String json = Json.compact(value);
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x7f) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(json.length() + 16).append(json, 0, i);
      }
      out.append(String.format("\\u%04x", (int) c));
    }
    return out == null ? json : out.toString();
  }

  /**
   * The request URI: the URL with the query arguments appended, its fragment dropped and the
   * characters a URI cannot hold percent-encoded, as python-requests does.
   */
  static URI uri(String url, String query) {
    String target = url;
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    if (query != null && !query.isEmpty()) {
      int mark = target.indexOf('?');
      String sep = mark < 0 ? "?" : (mark == target.length() - 1 ? "" : "&");
      target = target + sep + query;
    }
    URI uri;
    try {
      uri = new URI(requote(target));
    } catch (URISyntaxException e) {
      throw new ChaosException("invalid URL " + Py.repr(url) + ": " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : lower(uri.getScheme());
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ChaosException(
          "invalid URL " + Py.repr(url) + ": it must start with http:// or https://");
    }
    if (uri.getHost() == null) {
      throw new ChaosException("invalid URL " + Py.repr(url) + ": no host");
    }
    return uri;
  }

  private static String requote(String url) {
    int schemeEnd = url.indexOf("://");
    int authorityEnd = url.length();
    if (schemeEnd >= 0) {
      for (int i = schemeEnd + 3; i < url.length(); i++) {
        char c = url.charAt(i);
        if (c == '/' || c == '?') {
          authorityEnd = i;
          break;
        }
      }
    }
    StringBuilder out = null;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean keep =
          c < 0x80
              && (Character.isLetterOrDigit(c)
                  || (URL_SAFE.indexOf(c) >= 0 && !((c == '[' || c == ']') && i >= authorityEnd))
                  || (c == '%' && isEscape(url, i)));
      if (keep) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(url.length() + 16).append(url, 0, i);
      }
      int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
      for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
      i = end - 1;
    }
    return out == null ? url : out.toString();
  }

  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length()
        && Character.digit(s.charAt(i + 1), 16) >= 0
        && Character.digit(s.charAt(i + 2), 16) >= 0;
  }

  private static boolean verifyTls(Object value) {
    return value == null || Py.truthy(value);
  }

  private static int maxRetries(Map<?, ?> provider) {
    Object value = provider.get("max_retries");
    if (value == null) {
      return 0;
    }
    if (!Py.isInt(value)
        || ((Number) value).longValue() < 0
        || ((Number) value).longValue() > Integer.MAX_VALUE) {
      throw new ChaosException(
          "max_retries must be a whole number of 0 or more, got " + Py.repr(value));
    }
    return ((Number) value).intValue();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String userAgent() {
    String version = HttpCall.class.getPackage().getImplementationVersion();
    return version == null ? "chaos4j" : "chaos4j/" + version;
  }

  /** A header to send, with the case of its name as given. */
  private record Header(String name, String value) {}
}
