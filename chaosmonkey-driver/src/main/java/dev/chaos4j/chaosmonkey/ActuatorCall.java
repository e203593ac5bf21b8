package dev.chaos4j.chaosmonkey;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.provider.http.HttpClients;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls to one application's Chaos Monkey actuator endpoint, as the reference's {@code call_api}
 * makes them: {@code <base_url>/<endpoint>}, {@code Accept: application/json} unless the caller's
 * headers say otherwise, a JSON body when there is one. Unlike the reference, {@code timeout}
 * bounds the call (connect, then answer) instead of being sent as a query parameter, and a missing
 * one means {@link #DEFAULT_TIMEOUT}, never an unbounded wait.
 */
final class ActuatorCall {
  /** The bound on a call when the activity gives no timeout. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Connections are kept across activities: one set of clients for the whole process. */
  private static final HttpClients CLIENTS = new HttpClients();

  private final String baseUrl;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final boolean verifySsl;

  /** What the endpoint answered. */
  record Reply(int status, String text, String url) {
    /** The body as JSON, or null when it is not JSON. */
    Object json() {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return Json.parse(text);
      } catch (Json.SyntaxError e) {
        return null;
      }
    }

    /** The failure the reference raises for this answer, with the status and the URL added. */
    ActivityFailed failure(String prefix) {
      return new ActivityFailed(prefix + ": " + status + " from " + url + ": " + oneLine(text));
    }
  }

  private ActuatorCall(
      String baseUrl, Map<String, String> headers, Duration timeout, boolean verifySsl) {
    this.baseUrl = baseUrl;
    this.headers = headers;
    this.timeout = timeout;
    this.verifySsl = verifySsl;
  }

  /** Reads the common arguments: base_url, headers, timeout, verify_ssl. */
  static ActuatorCall of(Map<String, Object> arguments) {
    Object base = arguments.get("base_url");
    if (!(base instanceof String s) || s.isBlank()) {
      throw new ActivityFailed(
          "argument 'base_url' must be the application's actuator URL, e.g."
              + " http://localhost:8080/actuator, got "
              + Py.repr(base));
    }
    String url = s.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    if (!(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new ActivityFailed(
          "argument 'base_url' must be an http(s) URL, e.g. http://localhost:8080/actuator, got "
              + Py.repr(base));
    }
    return new ActuatorCall(
        url,
        headers(arguments.get("headers")),
        timeout(arguments.get("timeout")),
        verifySsl(arguments.get("verify_ssl")));
  }

  /**
   * Calls {@code <base_url>/<endpoint>}.
   *
   * @param body a JSON value to send, or null for none
   * @param failurePrefix how the reference words this call's failure, e.g. {@code Enable
   *     ChaosMonkey failed}; used when there is no answer
   * @throws ActivityFailed when no answer comes (refused, unknown host, timeout)
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  Reply call(String method, String endpoint, Object body, String failurePrefix)
      throws InterruptedException {
    String url = baseUrl + "/" + endpoint;
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    } catch (IllegalArgumentException e) {
      throw new ActivityFailed(failurePrefix + ": " + Py.repr(url) + " is not a valid URL");
    }
    Map<String, String> sent = new LinkedHashMap<>();
    sent.put("Accept", "application/json");
    if (body != null) {
      sent.put("Content-Type", "application/json");
    }
    // the caller's headers win over the defaults, whatever their case
    headers.forEach(
        (name, value) -> {
          sent.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
          sent.put(name, value);
        });
    for (Map.Entry<String, String> header : sent.entrySet()) {
      try {
        request.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        throw new ActivityFailed(
            failurePrefix + ": header '" + header.getKey() + "' cannot be set: " + e.getMessage());
      }
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Json.compact(body)));
    try {
      HttpResponse<String> response =
          CLIENTS
              .get(timeout, verifySsl)
              .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), url);
    } catch (HttpConnectTimeoutException e) {
      throw new ActivityFailed(
          failurePrefix + ": cannot connect to " + url + " within " + seconds(timeout));
    } catch (HttpTimeoutException e) {
      throw new ActivityFailed(
          failurePrefix + ": no answer from " + url + " within " + seconds(timeout));
    } catch (ConnectException e) {
      throw new ActivityFailed(
          failurePrefix
              + ": cannot connect to "
              + url
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    } catch (IOException e) {
      throw new ActivityFailed(
          failurePrefix
              + ": "
              + url
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static Map<String, String> headers(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ActivityFailed(
          "argument 'headers' must be a mapping of header names to values, got " + Py.repr(value));
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object v = e.getValue();
      if (v == null || v instanceof Map<?, ?> || v instanceof java.util.List<?>) {
        throw new ActivityFailed(
            "header '" + e.getKey() + "' must have a text value, got " + Py.repr(v));
      }
      out.put(String.valueOf(e.getKey()), Py.str(v));
    }
    return out;
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
    if (!(seconds > 0) || seconds > 86_400) {
      throw new ActivityFailed(
          "argument 'timeout' must be a positive number of seconds, got " + Py.repr(value));
    }
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  private static boolean verifySsl(Object value) {
    if (value == null || value instanceof Boolean) {
      return value == null || (Boolean) value;
    }
    throw new ActivityFailed("argument 'verify_ssl' must be true or false, got " + Py.repr(value));
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  static String oneLine(String text) {
    String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      return "(empty answer)";
    }
    return line.length() <= 500 ? line : line.substring(0, 500) + "...";
  }
}
