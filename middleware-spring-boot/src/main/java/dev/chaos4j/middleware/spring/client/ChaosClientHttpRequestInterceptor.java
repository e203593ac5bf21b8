package dev.chaos4j.middleware.spring.client;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.RequestHeaders;
import dev.chaos4j.middleware.client.CallFailures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Applies the middleware's outbound attacks to the calls of a {@code RestTemplate} or a {@code
 * RestClient}, before they are sent, on the calling thread: each delay, then the first fault. An
 * abort answers in the dependency's place with the attack's status, content type, body and the
 * marker header; an exception fails the call as a network failure would (an {@link IOException},
 * which the client reports as a {@code ResourceAccessException}). Either way the dependency is
 * never called. The kill switch ends delays in progress and cancels their faults: the call then
 * goes out as usual.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder()
 *     .requestInterceptor(ChaosClientHttpRequestInterceptor.of(chaos))
 *     .build();
 * restTemplate.getInterceptors().add(ChaosClientHttpRequestInterceptor.of(chaos));
 * }</pre>
 *
 * <p>Clients built from Spring Boot's {@code RestTemplateBuilder} and {@code RestClient.Builder}
 * get it without code when the starter is enabled.
 */
public final class ChaosClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

  private static final RequestHeaders<HttpRequest> HEADERS =
      (request, name) -> request.getHeaders().getFirst(name);

  private final ChaosMiddleware middleware;
  private final String markerHeader;

  private ChaosClientHttpRequestInterceptor(ChaosMiddleware middleware) {
    this.middleware = middleware;
    this.markerHeader = middleware.config().responseHeader();
  }

  /**
   * The interceptor of this middleware's outbound attacks. While no outbound attack is armed, a
   * call costs the client's call plus one volatile read.
   */
  public static ChaosClientHttpRequestInterceptor of(ChaosMiddleware middleware) {
    return new ChaosClientHttpRequestInterceptor(Objects.requireNonNull(middleware, "middleware"));
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (middleware.isOutboundIdle()) {
      return execution.execute(request, body);
    }
    AttackPlan plan =
        middleware.planOutbound(request.getMethod().name(), request.getURI(), request, HEADERS);
    if (plan == null) {
      return execution.execute(request, body);
    }
    try (plan) {
      for (Hit hit : plan.hits()) {
        if (!plan.pause(hit)) {
          if (Thread.currentThread().isInterrupted()) {
            // The flag stays set, as the JDK's clients leave it when a call is interrupted.
            throw new InterruptedIOException(
                "interrupted during the delay of chaos4j attack '" + hit.attackId() + "'");
          }
          continue; // disarmed: the delay ends and the fault is cancelled
        }
        Abort abort = hit.abort();
        if (abort != null) {
          return new AbortClientHttpResponse(request, abort, markerHeader, plan.marker());
        }
        if (hit.throwsException()) {
          throw CallFailures.thrown(hit.newException());
        }
      }
      return execution.execute(request, body);
    }
  }
}
