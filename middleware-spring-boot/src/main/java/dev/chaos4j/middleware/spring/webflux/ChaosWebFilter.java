package dev.chaos4j.middleware.spring.webflux;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Phase;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.RequestHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The chaos middleware as a WebFlux filter: the attacks of the servlet filter, with the same
 * response marker, abort bodies and before/after phases, carried out without blocking. Delays are
 * timers, never sleeps on an event-loop thread; the kill switch ends them early, and a client that
 * goes away cancels them.
 *
 * <p>Attacked requests carry the attack ids in the exchange attribute and the Reactor context key
 * {@value #ATTACK_ATTRIBUTE}.
 */
public final class ChaosWebFilter implements WebFilter, Ordered {

  /** The exchange attribute and Reactor context key holding the ids of the attacks. */
  public static final String ATTACK_ATTRIBUTE = "chaos4j.attack";

  private static final Logger LOG = LoggerFactory.getLogger("dev.chaos4j.middleware");
  private static final RequestHeaders<ServerHttpRequest> HEADERS =
      (request, name) -> request.getHeaders().getFirst(name);
  private static final Mono<Boolean> GO_ON = Mono.just(true);
  private static final Mono<Boolean> STOP = Mono.just(false);

  private final ChaosMiddleware middleware;
  private final int order;
  private final String marker;
  private final int afterBufferBytes;
  private final ReactiveDelays delays;

  /** A filter over a middleware started (and closed) by the caller, at the given order. */
  public ChaosWebFilter(ChaosMiddleware middleware, int order) {
    this.middleware = middleware;
    this.order = order;
    this.marker = middleware.config().responseHeader();
    this.afterBufferBytes = middleware.config().afterBufferBytes();
    this.delays = ReactiveDelays.of(middleware);
  }

  @Override
  public int getOrder() {
    return order;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (middleware.isIdle()) {
      return chain.filter(exchange);
    }
    ServerHttpRequest request = exchange.getRequest();
    AttackPlan plan =
        middleware.plan(request.getMethod().name(), pathOf(request), request, HEADERS);
    if (plan == null) {
      return chain.filter(exchange);
    }
    return Mono.defer(() -> attack(plan, exchange, chain))
        .contextWrite(context -> context.put(ATTACK_ATTRIBUTE, plan.marker()))
        .doFinally(signal -> plan.close());
  }

  private Mono<Void> attack(AttackPlan plan, ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    exchange.getAttributes().put(ATTACK_ATTRIBUTE, plan.marker());
    mark(plan, response);
    Mono<Boolean> before = act(plan, Phase.BEFORE, 0, response);
    if (!plan.has(Phase.AFTER)) {
      return before.flatMap(goOn -> goOn ? chain.filter(exchange) : Mono.empty());
    }
    return before.flatMap(
        goOn -> {
          if (!goOn) {
            return Mono.empty();
          }
          HeldServerResponse held = new HeldServerResponse(response, afterBufferBytes);
          return chain
              .filter(exchange.mutate().response(held).build())
              .then(Mono.defer(() -> act(plan, Phase.AFTER, 0, held)))
              .flatMap(sendHeld -> sendHeld ? held.release() : Mono.<Void>empty())
              .doFinally(signal -> held.discard());
        });
  }

  /**
   * Carries out the hits of one phase from {@code index} on, in order: each one's delay, then its
   * fault. Emits whether the request goes on (no fault, or the delay was cut short by the kill
   * switch, which also cancels the fault).
   */
  private Mono<Boolean> act(AttackPlan plan, Phase phase, int index, ServerHttpResponse response) {
    List<Hit> hits = plan.hits();
    int i = index;
    while (i < hits.size() && hits.get(i).phase() != phase) {
      i++;
    }
    if (i == hits.size()) {
      return GO_ON;
    }
    Hit hit = hits.get(i);
    int next = i + 1;
    return delays
        .pause(plan, hit)
        .flatMap(
            served -> {
              if (!served) {
                return act(plan, phase, next, response);
              }
              return fault(plan, hit, response)
                  .flatMap(goOn -> goOn ? act(plan, phase, next, response) : STOP);
            });
  }

  private Mono<Boolean> fault(AttackPlan plan, Hit hit, ServerHttpResponse response) {
    Abort abort = hit.abort();
    if (abort != null) {
      ServerHttpResponse target =
          response instanceof HeldServerResponse held ? held.getDelegate() : response;
      if (response instanceof HeldServerResponse held && held.sent() || target.isCommitted()) {
        LOG.warn(
            "chaos4j attack '{}': the response was already sent, abort {} not applied (raise {}"
                + "after-buffer-bytes)",
            hit.attackId(),
            abort.status(),
            MiddlewareConfig.PREFIX);
        return GO_ON;
      }
      if (response instanceof HeldServerResponse held) {
        held.discard();
      }
      return writeAbort(plan, target, abort).then(STOP);
    }
    if (hit.throwsException()) {
      if (response instanceof HeldServerResponse held) {
        held.discard();
      }
      return Mono.error(hit.newException());
    }
    return GO_ON;
  }

  private Mono<Void> writeAbort(AttackPlan plan, ServerHttpResponse response, Abort abort) {
    response.getHeaders().clear();
    response.getCookies().clear();
    mark(plan, response);
    response.setStatusCode(HttpStatusCode.valueOf(abort.status()));
    byte[] body = abort.body().getBytes(StandardCharsets.UTF_8);
    response.getHeaders().set(HttpHeaders.CONTENT_TYPE, abort.contentType());
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  private void mark(AttackPlan plan, ServerHttpResponse response) {
    if (!marker.isEmpty()) {
      response.getHeaders().set(marker, plan.marker());
    }
  }

  /** The decoded path below the application's base path, as the servlet filter matches it. */
  static String pathOf(ServerHttpRequest request) {
    String path = request.getPath().pathWithinApplication().value();
    if (path.isEmpty()) {
      return "/";
    }
    return path.indexOf('%') < 0 ? path : StringUtils.uriDecode(path, StandardCharsets.UTF_8);
  }
}
