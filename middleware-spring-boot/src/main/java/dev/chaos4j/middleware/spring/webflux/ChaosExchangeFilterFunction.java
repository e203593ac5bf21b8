package dev.chaos4j.middleware.spring.webflux;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.RequestHeaders;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies the middleware's outbound attacks to the calls of a {@code WebClient}, before they are
 * sent, without blocking: each delay is a timer, never a sleep on an event-loop thread, then the
 * first fault. An abort answers in the dependency's place with the attack's status, content type,
 * body and the marker header; an exception fails the call as a network failure would (a {@link
 * WebClientRequestException} whose cause is the attack's exception). Either way the dependency is
 * never called. The kill switch ends delays in progress and cancels their faults: the call then
 * goes out as usual. Cancelling the call (a {@code timeout} operator, a client that goes away)
 * cancels its delay.
 *
 * <p>Each subscription is one call: a retried call is decided again.
 *
 * <pre>{@code
 * WebClient client = WebClient.builder().filter(ChaosExchangeFilterFunction.of(chaos)).build();
 * }</pre>
 *
 * <p>Clients built from Spring Boot's {@code WebClient.Builder} get it without code when the
 * starter is enabled.
 */
public final class ChaosExchangeFilterFunction implements ExchangeFilterFunction {

  private static final RequestHeaders<ClientRequest> HEADERS =
      (request, name) -> request.headers().getFirst(name);

  private final ChaosMiddleware middleware;
  private final ExchangeStrategies strategies;
  private final String markerHeader;
  private final ReactiveDelays delays;

  private ChaosExchangeFilterFunction(ChaosMiddleware middleware, ExchangeStrategies strategies) {
    this.middleware = middleware;
    this.strategies = strategies;
    this.markerHeader = middleware.config().responseHeader();
    this.delays = ReactiveDelays.of(middleware);
  }

  /**
   * The filter of this middleware's outbound attacks; abort bodies are decoded with Spring's
   * default codecs. While no outbound attack is armed, a call costs the client's call plus one
   * volatile read.
   */
  public static ChaosExchangeFilterFunction of(ChaosMiddleware middleware) {
    return of(middleware, ExchangeStrategies.withDefaults());
  }

  /**
   * The filter of this middleware's outbound attacks, decoding abort bodies with {@code
   * strategies}: give the client's own when it configures codecs (a customized JSON mapper, say).
   */
  public static ChaosExchangeFilterFunction of(
      ChaosMiddleware middleware, ExchangeStrategies strategies) {
    return new ChaosExchangeFilterFunction(
        Objects.requireNonNull(middleware, "middleware"),
        Objects.requireNonNull(strategies, "strategies"));
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    if (middleware.isOutboundIdle()) {
      return next.exchange(request);
    }
    // Decided on subscription, so that a call assembled but never sent holds nothing, and a
    // retried call is a new call.
    return Mono.defer(
        () -> {
          AttackPlan plan =
              middleware.planOutbound(request.method().name(), request.url(), request, HEADERS);
          if (plan == null) {
            return next.exchange(request);
          }
          return act(plan, plan.hits(), 0, request, next).doFinally(signal -> plan.close());
        });
  }

  /** Carries out hit {@code i}, then the next ones, then the call. */
  private Mono<ClientResponse> act(
      AttackPlan plan, List<Hit> hits, int i, ClientRequest request, ExchangeFunction next) {
    if (i == hits.size()) {
      return next.exchange(request);
    }
    Hit hit = hits.get(i);
    return delays
        .pause(plan, hit)
        .flatMap(
            served -> {
              if (!served) {
                return act(plan, hits, i + 1, request, next); // disarmed: the fault is cancelled
              }
              Abort abort = hit.abort();
              if (abort != null) {
                return Mono.just(abortResponse(plan, abort, request));
              }
              if (hit.throwsException()) {
                return Mono.error(failure(hit.newException(), request));
              }
              return act(plan, hits, i + 1, request, next);
            });
  }

  private ClientResponse abortResponse(AttackPlan plan, Abort abort, ClientRequest request) {
    byte[] body = abort.bodyBytes(request.method().name());
    return ClientResponse.create(HttpStatusCode.valueOf(abort.status()), strategies)
        .headers(
            headers -> {
              headers.set(HttpHeaders.CONTENT_TYPE, abort.contentType());
              headers.setContentLength(body.length);
              if (!markerHeader.isEmpty()) {
                headers.set(markerHeader, plan.marker());
              }
            })
        .body(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))))
        .request(new CalledRequest(request))
        .build();
  }

  /**
   * The failure as the client reports a network failure: wrapped in a {@link
   * WebClientRequestException} naming the call, as the client wraps the connector's errors.
   */
  private static Throwable failure(Throwable t, ClientRequest request) {
    if (t instanceof WebClientException || t instanceof CodecException || t instanceof Error) {
      return t;
    }
    return new WebClientRequestException(t, request.method(), request.url(), request.headers());
  }

  /** The call, as a response's request: error messages name its method and URL. */
  private record CalledRequest(ClientRequest request) implements HttpRequest {
    @Override
    public HttpMethod getMethod() {
      return request.method();
    }

    @Override
    public URI getURI() {
      return request.url();
    }

    @Override
    public HttpHeaders getHeaders() {
      return request.headers();
    }

    @Override
    public Map<String, Object> getAttributes() {
      return request.attributes();
    }
  }
}
