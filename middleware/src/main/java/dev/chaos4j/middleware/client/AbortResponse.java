package dev.chaos4j.middleware.client;

import dev.chaos4j.middleware.AttackSpec.Abort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;

/**
 * The response an abort gives in place of the dependency's: its status, content type and body, read
 * through the caller's own body handler exactly as a received body would be, so {@code ofString},
 * {@code ofInputStream}, {@code ofFile} and custom handlers all see the abort body.
 */
final class AbortResponse<T> implements HttpResponse<T> {

  private final HttpRequest request;
  private final int status;
  private final HttpHeaders headers;
  private final HttpClient.Version version;
  private final T body;

  private AbortResponse(
      HttpRequest request, int status, HttpHeaders headers, HttpClient.Version version, T body) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.version = version;
    this.body = body;
  }

  /**
   * The abort's response, once the body handler has read its body.
   *
   * @param markerHeader the header naming the attacks, or empty for none
   * @param marker its value
   */
  static <T> CompletionStage<HttpResponse<T>> of(
      HttpRequest request,
      Abort abort,
      String markerHeader,
      String marker,
      HttpClient.Version version,
      BodyHandler<T> handler) {
    byte[] bytes = abort.bodyBytes(request.method());
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("content-type", List.of(abort.contentType()));
    fields.put("content-length", List.of(Integer.toString(bytes.length)));
    if (!markerHeader.isEmpty()) {
      fields.put(markerHeader, List.of(marker));
    }
    HttpHeaders headers = HttpHeaders.of(fields, (name, value) -> true);
    int status = abort.status();
    BodySubscriber<T> subscriber;
    try {
      subscriber = handler.apply(new Info(status, headers, version));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    subscriber.onSubscribe(new OneShot(subscriber, bytes));
    return subscriber
        .getBody()
        .thenApply(body -> new AbortResponse<>(request, status, headers, version, body));
  }

  @Override
  public int statusCode() {
    return status;
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  @Override
  public Optional<HttpResponse<T>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public T body() {
    return body;
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public HttpClient.Version version() {
    return version;
  }

  @Override
  public String toString() {
    return "(" + request.method() + " " + request.uri() + ") " + status + " (chaos4j abort)";
  }

  /** What a body handler is told about the response before its body. */
  private record Info(int statusCode, HttpHeaders headers, HttpClient.Version version)
      implements ResponseInfo {}

  /**
   * Publishes the body as one item, on the first demand, then completes; as the client does, it
   * honours the subscriber's demand and cancellation.
   */
  private static final class OneShot implements Flow.Subscription {
    private final BodySubscriber<?> subscriber;
    private final byte[] bytes;
    private final AtomicBoolean done = new AtomicBoolean();

    OneShot(BodySubscriber<?> subscriber, byte[] bytes) {
      this.subscriber = subscriber;
      this.bytes = bytes;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        if (done.compareAndSet(false, true)) {
          subscriber.onError(new IllegalArgumentException("non-positive demand: " + n));
        }
        return;
      }
      if (done.compareAndSet(false, true)) {
        if (bytes.length > 0) {
          subscriber.onNext(List.of(ByteBuffer.wrap(bytes).asReadOnlyBuffer()));
        }
        subscriber.onComplete();
      }
    }

    @Override
    public void cancel() {
      done.set(true);
    }
  }
}
