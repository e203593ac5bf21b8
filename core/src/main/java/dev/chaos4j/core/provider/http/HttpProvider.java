package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.Provider;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.value.Py;
import java.util.Map;

/**
 * Runs {@code "type": "http"} activities: one HTTP/1.1 request, whose output is {@code {"status":
 * int, "headers": {name: value}, "body": JSON value or text}}.
 *
 * <p>Provider keys: {@code url} (required), {@code method} (default {@code GET}), {@code headers},
 * {@code arguments} (the query string of a {@code GET}; otherwise the body: JSON when the {@code
 * Content-Type} header is exactly {@code application/json}, form-encoded for a mapping, as is for a
 * string), {@code timeout} (seconds, or {@code [connect, read]}; without it, 30 s to connect and 5
 * minutes of silence from the server, where the reference waits forever), {@code verify_tls}
 * (default true) and {@code max_retries} (connection attempts retried, default 0). {@code url},
 * {@code headers} and {@code timeout} are substituted; {@code arguments} only when the run has
 * configuration or secrets, as in the reference.
 *
 * <p>Requests carry {@code User-Agent: chaos4j/<version>}, {@code Accept: *}{@code /*} and {@code
 * Accept-Encoding: gzip, deflate} unless the activity sets them; a null header value removes a
 * header (over https, the JDK's client then still sends its own {@code User-Agent}). {@code Host}
 * may be set. Redirects are followed as {@link Redirects} says. Connections are kept alive across
 * activities.
 *
 * <p>{@code http://} URLs go through a small HTTP/1.1 client of our own ({@link Http1Client}),
 * {@code https://} URLs through the JDK's HTTP client, which is only created (with its TLS context)
 * when an https URL is first called.
 *
 * <p>Responses with any status are outputs, not failures; a status above 399 is only warned about
 * when the activity has no tolerance.
 */
public final class HttpProvider implements Provider {
  private static final Log LOG = Log.of(HttpProvider.class);
  private static final String STATUS_WARNING =
      "This HTTP call returned a response with a HTTP status code above 400. This may indicate"
          + " some error and not what you expected. Please have a look at the logs.";

  static {
    // The JDK reads these once, when its HTTP client (for https) is first used; values the user
    // chose are kept. Activities may set Host (a virtual host behind an IP address) and
    // Connection, as with python-requests; and a failed connection is not silently tried twice,
    // which would double connect timeouts and make max_retries count wrong.
    setIfAbsent("jdk.httpclient.allowRestrictedHeaders", "host,connection");
    setIfAbsent("jdk.httpclient.disableRetryConnect", "true");
  }

  private final HttpExchange exchange = new HttpExchange(new Http1Client(), new JdkTransport());

  @Override
  public String type() {
    return "http";
  }

  @Override
  public void validate(Map<String, Object> activity, ProviderContext context) {
    Map<?, ?> provider = provider(activity);
    if (!Py.truthy(provider.get("url"))) {
      throw new InvalidActivity("a HTTP activity must have a URL");
    }
    Object headers = provider.get("headers");
    if (Py.truthy(headers) && !(headers instanceof Map)) {
      throw new InvalidActivity("a HTTP activities expect headers as a mapping");
    }
  }

  /**
   * Sends the activity's request and returns the response as output.
   *
   * @throws dev.chaos4j.core.ActivityFailed {@code failed to connect to <url>: <reason>} or {@code
   *     activity took too long to complete}
   * @throws ChaosException when a field is unusable (bad URL, timeout...) or a JSON response body
   *     is invalid: the reference crashes there, which aborts the run
   * @throws dev.chaos4j.core.InterruptExecution when the thread is interrupted
   */
  @Override
  public Object run(Map<String, Object> activity, ProviderContext context) {
    HttpCall call = HttpCall.of(provider(activity), context, Py.str(activity.get("name")));
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptExecution("interrupted before requesting " + call.url());
    }
    Response response = exchange.send(call);
    Map<String, Object> output = ResponseOutput.of(response, call.url());
    if (!activity.containsKey("tolerance") && response.status() > 399) {
      LOG.warning(STATUS_WARNING);
    }
    return output;
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private static Map<?, ?> provider(Map<String, Object> activity) {
    if (activity.get("provider") instanceof Map<?, ?> provider) {
      return provider;
    }
    throw new ChaosException(
        "activity '" + Py.str(activity.get("name")) + "' has no provider mapping");
  }
}
