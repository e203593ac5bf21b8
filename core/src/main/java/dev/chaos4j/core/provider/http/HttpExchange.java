package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.log.Log;

/**
 * Sends one {@link HttpCall} and waits for its whole response within the call's timeouts: through
 * the transport of its scheme, following redirects ({@link Redirects}) and retrying failed
 * connection attempts {@code max_retries} times (at once, as urllib3 does by default).
 *
 * <p>Failures map onto the reference's: a connection that cannot be made (refused, unknown host,
 * connect timeout, TLS handshake, connection lost) is {@code failed to connect to <url>: <reason>};
 * a server that stays silent longer than the read timeout is {@code activity took too long to
 * complete}.
 */
final class HttpExchange {
  static final String TOO_LONG = "activity took too long to complete";

  private static final Log LOG = Log.of(HttpProvider.class);

  private final Transport http;
  private final Transport https;

  /**
   * @param http the transport of {@code http://} URLs
   * @param https the transport of {@code https://} URLs
   */
  HttpExchange(Transport http, Transport https) {
    this.http = http;
    this.https = https;
  }

  /**
   * Sends the call and returns the final response with its whole body.
   *
   * @throws ActivityFailed on connection failures and timeouts
   * @throws ChaosException when the request cannot be made at all
   * @throws InterruptExecution when the thread is interrupted (its interrupt flag stays set)
   */
  Response send(HttpCall call) {
    Request request = call.request();
    try {
      for (int redirects = 0; ; redirects++) {
        Response response = sendRetrying(request, call);
        Request next = redirects < Redirects.MAX ? Redirects.next(request, response) : null;
        if (next == null) {
          return response;
        }
        request = next;
      }
    } catch (ExchangeFailure failure) {
      throw failed(failure, call, 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptExecution(
          "interrupted while waiting for the response of " + call.url(), e);
    }
  }

  private Response sendRetrying(Request request, HttpCall call)
      throws ExchangeFailure, InterruptedException {
    Transport transport = request.uri().getScheme().equalsIgnoreCase("https") ? https : http;
    for (int attempt = 1; ; attempt++) {
      try {
        return transport.send(request, call.timeouts(), call.verifyTls());
      } catch (ExchangeFailure failure) {
        if (failure.kind() != ExchangeFailure.Kind.CONNECT || attempt > call.maxRetries()) {
          throw failed(failure, call, attempt);
        }
        LOG.debug("Retrying " + request.uri() + " after: " + failure.getMessage());
      }
    }
  }

  private static RuntimeException failed(ExchangeFailure failure, HttpCall call, int attempts) {
    return switch (failure.kind()) {
      case TIMEOUT -> new ActivityFailed(TOO_LONG, failure.getCause());
      case UNUSABLE ->
          new ChaosException(
              "HTTP request to " + call.url() + " could not be made: " + failure.getMessage(),
              failure.getCause());
      case CONNECT, BROKEN ->
          new ActivityFailed(
              "failed to connect to "
                  + call.url()
                  + ": "
                  + failure.getMessage()
                  + (attempts > 1 ? " (" + attempts + " attempts)" : ""),
              failure.getCause());
    };
  }
}
