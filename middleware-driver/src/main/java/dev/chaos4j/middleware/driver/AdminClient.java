package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One middleware's admin API: JSON in and out, a bearer token, and every call bounded in time. A
 * call that does not end in a 2xx answer throws {@link CallFailed} with one line saying why.
 */
final class AdminClient {
  private final String base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  AdminClient(String base, String token, Duration timeout, HttpClient http) {
    this.base = base;
    this.token = token;
    this.timeout = timeout;
    this.http = http;
  }

  /** The admin API's base URL, which messages name. */
  String url() {
    return base;
  }

  /** An answer: its status and its body, parsed when it is JSON (else null). */
  record Reply(int status, Object json, String text) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Calls the API and returns the JSON answer of a 2xx.
   *
   * @param path below the base, e.g. {@code /attacks}
   * @param body a JSON value to send, or null for none
   * @throws CallFailed when the call fails or the answer is not a 2xx with a JSON body
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  Object call(String method, String path, Object body) throws InterruptedException {
    Reply reply = send(method, path, body);
    if (!reply.ok()) {
      throw refused(reply);
    }
    if (reply.json() == null) {
      throw new CallFailed(
          "answered "
              + reply.status()
              + " with a body that is not JSON; is this the admin API of a chaos4j middleware?");
    }
    return reply.json();
  }

  /** Calls the API and returns its answer whatever the status; fails only without an answer. */
  Reply send(String method, String path, Object body) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body)));
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new CallFailed("cannot connect within " + seconds(timeout));
    } catch (HttpTimeoutException e) {
      throw new CallFailed("no answer within " + seconds(timeout));
    } catch (ConnectException e) {
      if (unresolved(e)) {
        throw new CallFailed("cannot connect: unknown host");
      }
      throw new CallFailed(
          "cannot connect ("
              + (e.getMessage() == null ? "connection refused" : e.getMessage())
              + "); is the middleware's admin API on (chaos4j.middleware.admin.port)?");
    } catch (IOException e) {
      throw new CallFailed(describe(e));
    }
    String text = response.body();
    return new Reply(response.statusCode(), parse(text), text);
  }

  /**
   * Deletes one attack. Returns the answer, which is a 404 when the attack is gone already
   * (expired, or cancelled before).
   *
   * @throws CallFailed on any other refusal
   */
  Reply deleteAttack(Object id) throws InterruptedException {
    Reply reply = send("DELETE", "/attacks/" + id, null);
    if (!reply.ok() && reply.status() != 404) {
      throw refused(reply);
    }
    return reply;
  }

  /** The failure a non-2xx answer stands for. */
  static CallFailed refused(Reply reply) {
    String error =
        reply.json() instanceof Map<?, ?> m && m.get("error") instanceof String s
            ? s
            : abbreviate(reply.text());
    return new CallFailed(
        switch (reply.status()) {
          case 401 ->
              "the admin API refused the token (401); check '"
                  + MiddlewareDriverExtension.TOKEN
                  + "'";
          case 422 -> "refused (422): " + error;
          default -> reply.status() + ": " + error;
        });
  }

  private static Object parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (Json.SyntaxError e) {
      return null;
    }
  }

  /** Whether the host name did not resolve: the JDK client reports it as a connect failure. */
  private static boolean unresolved(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "(empty answer)";
    }
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** A call that did not succeed; the message is one line, without the URL (the caller adds it). */
  static final class CallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallFailed(String message) {
      super(message);
    }
  }
}
