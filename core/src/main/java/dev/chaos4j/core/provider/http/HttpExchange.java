package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.log.Log;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Sends one {@link HttpCall} and waits for its whole response within the call's timeouts, retrying
 * failed connection attempts {@code max_retries} times (at once, as urllib3 does by default).
 *
 * <p>Failures map onto the reference's: a connection that cannot be made (refused, unknown host,
 * connect timeout, TLS handshake, connection lost) is {@code failed to connect to <url>: <reason>};
 * a server that stays silent longer than the read timeout is {@code activity took too long to
 * complete}.
 */
final class HttpExchange {
  static final String TOO_LONG = "activity took too long to complete";

  private static final Log LOG = Log.of(HttpProvider.class);

  private HttpExchange() {}

  /**
   * Sends the call and returns the response with its whole body.
   *
   * @throws ActivityFailed on connection failures and timeouts
   * @throws InterruptExecution when the thread is interrupted (its interrupt flag stays set)
   */
  static HttpResponse<byte[]> send(HttpClient client, HttpCall call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(client, call);
      } catch (ConnectFailure failure) {
        if (attempt > call.maxRetries()) {
          String attempts = attempt > 1 ? " (" + attempt + " attempts)" : "";
          throw new ActivityFailed(
              "failed to connect to " + call.url() + ": " + failure.getMessage() + attempts,
              failure.getCause());
        }
        LOG.debug("Retrying " + call.url() + " after: " + failure.getMessage());
      }
    }
  }

  /**
   * One attempt. The synchronous {@code send} is used because it is markedly faster than {@code
   * sendAsync} (no hand-over to another thread) and, on interruption, abandons the exchange. The
   * JDK bounds the wait for the response headers; {@link BodyWatch} bounds the body.
   */
  private static HttpResponse<byte[]> once(HttpClient client, HttpCall call) throws ConnectFailure {
    BodyWatch watch = new BodyWatch(call.timeouts().read());
    try {
      return client.send(call.request(), watch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptExecution(
          "interrupted while waiting for the response of " + call.url(), e);
    } catch (IOException e) {
      if (watch.expired()) {
        throw new ActivityFailed(TOO_LONG, e);
      }
      throw connectFailureOrThrow(e, call);
    } catch (IllegalArgumentException | SecurityException e) {
      throw new ChaosException(
          "HTTP request to " + call.url() + " could not be made: " + reason(e, call), e);
    }
  }

  /** Returns the connection failure to retry; throws what every other error means. */
  private static ConnectFailure connectFailureOrThrow(IOException error, HttpCall call) {
    if (error instanceof HttpConnectTimeoutException) {
      return new ConnectFailure("connection timed out", error);
    }
    if (error instanceof HttpTimeoutException) {
      throw new ActivityFailed(TOO_LONG, error);
    }
    if (error instanceof ConnectException) {
      return new ConnectFailure(reason(error, call), error);
    }
    // TLS handshake failures and lost connections are connection errors for python-requests too,
    // but urllib3 does not retry them
    throw new ActivityFailed(
        "failed to connect to " + call.url() + ": " + reason(error, call), error);
  }

  /** The most specific description in the cause chain ("Connection refused", ...). */
  private static String reason(Throwable error, HttpCall call) {
    String reason = null;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host " + call.request().uri().getHost();
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        reason = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return reason != null ? reason : error.getClass().getSimpleName();
  }

  /** A connection attempt failed; {@code max_retries} may try again. */
  private static final class ConnectFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ConnectFailure(String reason, Throwable cause) {
      super(reason, cause, false, false);
    }
  }
}
