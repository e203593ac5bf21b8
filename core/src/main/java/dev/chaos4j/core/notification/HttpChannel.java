package dev.chaos4j.core.notification;

import dev.chaos4j.core.provider.http.HttpClients;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code {"type": "http", "url", "headers", "verify_tls", "forward_event_payload", "events"}}: the
 * event POSTed as JSON, or a bare GET when {@code forward_event_payload} is false.
 */
final class HttpChannel implements Channel {
  /** The reference's bounds: 2 s to connect, 5 s for the answer. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final String name;
  private final URI url;
  private final Map<String, String> headers;
  private final boolean verifyTls;
  private final boolean forwardPayload;
  private final Set<String> events;
  private final HttpClients clients;

  HttpChannel(
      String name,
      URI url,
      Map<String, String> headers,
      boolean verifyTls,
      boolean forwardPayload,
      Set<String> events,
      HttpClients clients) {
    this.name = name;
    this.url = url;
    this.headers = headers;
    this.verifyTls = verifyTls;
    this.forwardPayload = forwardPayload;
    this.events = events;
    this.clients = clients;
  }

  @Override
  public String describe() {
    return name + " (" + url + ")";
  }

  @Override
  public Set<String> events() {
    return events;
  }

  @Override
  public void send(Map<String, Object> event, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(READ_TIMEOUT);
    headers.forEach(request::header);
    if (forwardPayload) {
      if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
        request.header("Content-Type", "application/json");
      }
      request.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    } else {
      request.GET();
    }
    HttpResponse<Void> response =
        clients
            .get(CONNECT_TIMEOUT, verifyTls)
            .send(request.build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() >= 400) {
      throw new NotificationFailed("answered HTTP " + response.statusCode());
    }
  }
}
