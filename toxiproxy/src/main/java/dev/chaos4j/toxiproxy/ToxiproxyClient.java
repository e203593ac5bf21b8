package dev.chaos4j.toxiproxy;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A client of Toxiproxy's HTTP API (any server speaking it: Toxiproxy itself or chaos4j's fault
 * proxy). Proxies and toxics are exchanged as the API writes them, as plain JSON values (maps keyed
 * by the API's field names), so fields a newer server adds are kept.
 *
 * <p>Every call has a bound; a call that does not succeed throws {@link ToxiproxyError}, whose
 * message carries the server's own error text and HTTP status. Instances are cheap: they share one
 * HTTP client, created on first use.
 */
public final class ToxiproxyClient {
  /** Where Toxiproxy's API listens by default. */
  public static final String DEFAULT_URL = "http://localhost:8474";

  /** How long to wait for a connection to the API. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How long to wait for an answer: longer than the 25 s after which Toxiproxy gives up on a
   * request itself (answering 503), so that its answer, not ours, is what the user sees.
   */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The longest piece of a non-JSON error body quoted in a message. */
  private static final int QUOTED_BODY = 200;

  private final URI base;
  private final Duration requestTimeout;

  /**
   * A client of the API at this base URL, e.g. {@code http://localhost:8474}; without a scheme,
   * {@code http://} is assumed, as toxiproxy-cli does. A path is kept (an API behind a reverse
   * proxy), a trailing slash is not.
   *
   * @throws ChaosException when the URL is not an http(s) URL with a host
   */
  public ToxiproxyClient(String url) {
    this(url, REQUEST_TIMEOUT);
  }

  /** A client waiting at most {@code requestTimeout} for each answer. */
  ToxiproxyClient(String url, Duration requestTimeout) {
    this.base = parse(url);
    this.requestTimeout = requestTimeout;
  }

  /** The API's base URL. */
  public URI url() {
    return base;
  }

  /** {@code GET /proxies}: every proxy, keyed by name, each with its toxics. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> proxies() throws InterruptedException {
    return (Map<String, Object>) call("GET", "/proxies", null, Map.class);
  }

  /** {@code GET /proxies/{name}}: one proxy with its toxics. */
  public Map<String, Object> proxy(String name) throws InterruptedException {
    return object("GET", proxyPath(name), null);
  }

  /**
   * {@code POST /proxies}: creates a proxy from {@code {name, listen, upstream, enabled?}} and
   * returns it as created (its {@code listen} shows the port chosen for port 0).
   */
  public Map<String, Object> createProxy(Map<String, Object> proxy) throws InterruptedException {
    return object("POST", "/proxies", proxy);
  }

  /**
   * {@code POST /proxies/{name}}: changes the given fields of {@code {listen, upstream, enabled}}
   * and returns the proxy. POST rather than PATCH, so that servers older than Toxiproxy 2.6 accept
   * it too.
   */
  public Map<String, Object> updateProxy(String name, Map<String, Object> changes)
      throws InterruptedException {
    return object("POST", proxyPath(name), changes);
  }

  /** {@code DELETE /proxies/{name}}. */
  public void deleteProxy(String name) throws InterruptedException {
    call("DELETE", proxyPath(name), null, null);
  }

  /** {@code POST /reset}: enables every proxy and removes every toxic. */
  public void reset() throws InterruptedException {
    call("POST", "/reset", null, null);
  }

  /** {@code GET /proxies/{proxy}/toxics}: the proxy's toxics, upstream ones first. */
  @SuppressWarnings("unchecked")
  public List<Object> toxics(String proxy) throws InterruptedException {
    return (List<Object>) call("GET", proxyPath(proxy) + "/toxics", null, List.class);
  }

  /**
   * {@code POST /proxies/{proxy}/toxics}: adds a toxic from {@code {name?, type, stream?,
   * toxicity?, attributes}} and returns it as created.
   */
  public Map<String, Object> createToxic(String proxy, Map<String, Object> toxic)
      throws InterruptedException {
    return object("POST", proxyPath(proxy) + "/toxics", toxic);
  }

  /**
   * {@code POST /proxies/{proxy}/toxics/{name}}: changes {@code toxicity} and merges the given
   * {@code attributes}; returns the toxic.
   */
  public Map<String, Object> updateToxic(String proxy, String name, Map<String, Object> changes)
      throws InterruptedException {
    return object("POST", toxicPath(proxy, name), changes);
  }

  /** {@code DELETE /proxies/{proxy}/toxics/{name}}. */
  public void deleteToxic(String proxy, String name) throws InterruptedException {
    call("DELETE", toxicPath(proxy, name), null, null);
  }

  @Override
  public String toString() {
    return "Toxiproxy at " + base;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(String method, String path, Map<String, Object> body)
      throws InterruptedException {
    return (Map<String, Object>) call(method, path, body, Map.class);
  }

  /**
   * Sends one request and reads its JSON answer.
   *
   * @param expected the shape of the answer (Map or List), or null when it is ignored
   */
  private Object call(String method, String path, Object body, Class<?> expected)
      throws InterruptedException {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body)));
    }
    String call = method + " " + path;
    HttpResponse<String> response;
    try {
      response =
          Shared.CLIENT.send(
              request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new ToxiproxyError(this + " did not answer " + call + " within " + timeoutOf(e), 0, e);
    } catch (IOException e) {
      throw new ToxiproxyError("cannot reach " + this + " (" + call + "): " + describe(e), 0, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new ToxiproxyError(
          this + " answered " + call + " with HTTP " + status + ": " + errorText(response.body()),
          status,
          null);
    }
    if (expected == null) {
      return null;
    }
    Object value;
    try {
      value = Json.parse(response.body());
    } catch (Json.SyntaxError e) {
      throw new ToxiproxyError(
          this + " answered " + call + " with a body that is not JSON: " + quote(response.body()),
          status,
          e);
    }
    if (!expected.isInstance(value)) {
      throw new ToxiproxyError(
          this + " answered " + call + " with an unexpected body: " + quote(response.body()),
          status,
          null);
    }
    return value;
  }

  /** The server's message: the {@code error} of Toxiproxy's {@code {"error", "status"}} body. */
  private static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return "(no message)";
    }
    try {
      if (Json.parse(body) instanceof Map<?, ?> error && error.get("error") instanceof String s) {
        return s;
      }
    } catch (Json.SyntaxError e) {
      // not Toxiproxy's error shape (e.g. a reverse proxy's page): quote it as it is
    }
    return quote(body);
  }

  private static String quote(String body) {
    String text = body.strip().replaceAll("\\s+", " ");
    return text.length() <= QUOTED_BODY ? text : text.substring(0, QUOTED_BODY) + "...";
  }

  private String timeoutOf(HttpTimeoutException e) {
    Duration bound = e instanceof HttpConnectTimeoutException ? CONNECT_TIMEOUT : requestTimeout;
    return bound.toMillis() % 1000 == 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
  }

  private static String describe(IOException e) {
    // the JDK often wraps the useful exception without a message of its own
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return e instanceof ConnectException
        ? "connection refused or unreachable"
        : e.getClass().getSimpleName();
  }

  private static String proxyPath(String name) {
    return "/proxies/" + segment(name);
  }

  private static String toxicPath(String proxy, String toxic) {
    return proxyPath(proxy) + "/toxics/" + segment(toxic);
  }

  /** A name as one path segment: anything but unreserved characters percent-encoded. */
  private static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI parse(String url) {
    String text = url == null ? "" : url.strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ChaosException("invalid Toxiproxy API URL '" + url + "': " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || uri.getHost() == null) {
      throw new ChaosException(
          "invalid Toxiproxy API URL '" + url + "': expected http://HOST:PORT");
    }
    return uri;
  }

  /** The HTTP client every instance uses, created on first use. */
  private static final class Shared {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }
}
