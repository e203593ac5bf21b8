package dev.chaos4j.core.provider.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;

/**
 * The transport of {@code https://} URLs: the JDK's HTTP client, which brings TLS. Its clients are
 * created on first use, so that a run calling only plain-http URLs never initialises TLS.
 *
 * <p>The JDK bounds the wait for the response headers with the read timeout; {@link BodyWatch}
 * bounds the silences within the body.
 */
final class JdkTransport implements Transport {
  private final HttpClients clients = new HttpClients();

  /**
   * Sends with the synchronous {@code send}: markedly faster than {@code sendAsync} (no hand-over
   * to another thread) and, on interruption, it abandons the exchange.
   */
  @Override
  public Response send(Request request, HttpTimeouts timeouts, boolean verifyTls)
      throws ExchangeFailure, InterruptedException {
    HttpClient client = clients.get(timeouts.connect(), verifyTls, HttpClient.Redirect.NEVER);
    BodyWatch watch = new BodyWatch(timeouts.read());
    try {
      HttpResponse<byte[]> response = client.send(jdkRequest(request, timeouts), watch);
      return new Response(response.statusCode(), headers(response), response.body());
    } catch (IOException e) {
      if (watch.expired()) {
        throw new ExchangeFailure(ExchangeFailure.Kind.TIMEOUT, reason(e, request), e);
      }
      throw failure(e, request);
    } catch (IllegalArgumentException | SecurityException e) {
      throw new ExchangeFailure(ExchangeFailure.Kind.UNUSABLE, reason(e, request), e);
    }
  }

  private static HttpRequest jdkRequest(Request request, HttpTimeouts timeouts) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(timeouts.read())
            .method(
                request.method(),
                request.body() == null
                    ? BodyPublishers.noBody()
                    : BodyPublishers.ofByteArray(request.body()));
    for (Header h : request.headers()) {
      builder.header(h.name(), h.value());
    }
    return builder.build();
  }

  /** The headers as received, HTTP/2 pseudo-headers left out. */
  private static List<Header> headers(HttpResponse<?> response) {
    List<Header> headers = new ArrayList<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) {
                values.forEach(value -> headers.add(new Header(name, value)));
              }
            });
    return headers;
  }

  private static ExchangeFailure failure(IOException error, Request request) {
    if (error instanceof HttpConnectTimeoutException) {
      return new ExchangeFailure(ExchangeFailure.Kind.CONNECT, "connection timed out", error);
    }
    if (error instanceof HttpTimeoutException) {
      return new ExchangeFailure(ExchangeFailure.Kind.TIMEOUT, reason(error, request), error);
    }
    if (error instanceof ConnectException) {
      return new ExchangeFailure(ExchangeFailure.Kind.CONNECT, reason(error, request), error);
    }
    // TLS handshake failures and lost connections are connection errors for python-requests too,
    // but urllib3 does not retry them
    return new ExchangeFailure(ExchangeFailure.Kind.BROKEN, reason(error, request), error);
  }

  /** The most specific description in the cause chain ("Connection refused", ...). */
  private static String reason(Throwable error, Request request) {
    String reason = null;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host " + request.uri().getHost();
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
}
