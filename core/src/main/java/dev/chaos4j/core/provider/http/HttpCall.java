package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP activity turned into a request: the provider's fields substituted and interpreted the
 * way the reference (python-requests) interprets them, and checked, so that every transport sends
 * the same request or none.
 *
 * @param url the URL as the activity gives it (after substitution), for messages
 * @param request the request to send
 * @param timeouts connect and read timeouts
 * @param verifyTls whether the server's certificate and host name are checked
 * @param maxRetries how many times a failed connection attempt is retried
 */
record HttpCall(
    String url, Request request, HttpTimeouts timeouts, boolean verifyTls, int maxRetries) {

  /** Headers sent unless the activity overrides them (a null value in the activity removes one). */
  private static final List<Header> DEFAULT_HEADERS =
      List.of(
          new Header("User-Agent", userAgent()),
          new Header("Accept", "*/*"),
          new Header("Accept-Encoding", "gzip, deflate"));

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  /**
   * Headers the transports compute themselves: a value given is not sent. ({@code Host} and {@code
   * Connection} may be set, as with python-requests.)
   */
  private static final Set<String> CLIENT_MANAGED = Set.of("content-length", "expect", "upgrade");

  /** The characters of a token (RFC 9110 §5.6.2) besides letters and digits. */
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

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
    byte[] body = null;
    if (method.equals("GET")) {
      if (Py.truthy(arguments)) {
        query = FormEncoding.encode(arguments);
      }
    } else if (arguments != null && isJson(headers)) {
      body = asciiJson(arguments).getBytes(StandardCharsets.UTF_8);
    } else if (Py.truthy(arguments)) {
      body = FormEncoding.encode(arguments).getBytes(StandardCharsets.UTF_8);
      if (!(arguments instanceof String)) {
        sent.putIfAbsent("content-type", new Header("Content-Type", FORM));
      }
    }

    Request request =
        new Request(method, uri(url, query), checked(sent.values(), activityName), body);
    return new HttpCall(
        url, request, timeouts, verifyTls(provider.get("verify_tls")), maxRetries(provider));
  }

  private static String method(Object value) {
    if (value == null) {
      return "GET";
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ChaosException("the method must be a string, got " + Py.repr(value));
    }
    String method = s.toUpperCase(Locale.ROOT);
    if (!isToken(method) || method.equals("CONNECT")) {
      throw new ChaosException("invalid HTTP method " + Py.repr(method));
    }
    return method;
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

  /**
   * The headers to send: those the transports compute left out with a warning, the others checked
   * as the JDK's HTTP client checks them.
   */
  private static List<Header> checked(Iterable<Header> headers, String activityName) {
    List<Header> checked = new ArrayList<>();
    for (Header header : headers) {
      String name = header.name();
      if (!isToken(name)) {
        throw invalidHeader(name, "invalid header name: \"" + name + "\"");
      }
      if (CLIENT_MANAGED.contains(lower(name))) {
        LOG.warning(
            "HTTP activity '"
                + activityName
                + "': the header '"
                + name
                + "' is set by the HTTP client itself, the value given is not sent");
        continue;
      }
      if (!isFieldValue(header.value())) {
        throw invalidHeader(name, "invalid header value: \"" + header.value() + "\"");
      }
      checked.add(header);
    }
    return List.copyOf(checked);
  }

  private static ChaosException invalidHeader(String name, String problem) {
    return new ChaosException("invalid header " + Py.repr(name) + ": " + problem);
  }

  /** Whether a method or header name is a token: letters, digits and a few symbols. */
  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a header value can be sent: Latin-1 characters, no control character but tab. Line
   * breaks in particular would let a value inject headers of its own.
   */
  private static boolean isFieldValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xff || c == 0x7f || (c < 0x20 && c != '\t')) {
        return false;
      }
    }
    return true;
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

  static String requote(String url) {
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
}
