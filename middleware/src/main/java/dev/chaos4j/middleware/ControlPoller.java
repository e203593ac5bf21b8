package dev.chaos4j.middleware;

import dev.chaos4j.middleware.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Polls the control URL so a fleet shares its attacks. Each poll is one GET, bounded in time and
 * size; its answer ({@code {"attacks": [...]}}) replaces the attacks from the previous one. Any
 * failure — unreachable, slow, not 200, too large, not valid, an attack outside the guardrails —
 * clears them (fail safe); so does a poller that stops confirming them (a lease of two intervals
 * plus the timeout).
 */
final class ControlPoller {

  private static final System.Logger LOG = System.getLogger("dev.chaos4j.middleware");

  private final MiddlewareConfig config;
  private final AttackRegistry registry;
  private final ScheduledExecutorService scheduler;
  private final Duration lease;
  private HttpClient client;
  private ScheduledFuture<?> task;

  private volatile Instant lastSuccess;
  private volatile Instant lastFailure;
  private volatile String lastError;

  ControlPoller(
      MiddlewareConfig config, AttackRegistry registry, ScheduledExecutorService scheduler) {
    this.config = config;
    this.registry = registry;
    this.scheduler = scheduler;
    this.lease = config.controlInterval().multipliedBy(2).plus(config.controlTimeout());
  }

  void start() {
    task =
        scheduler.scheduleWithFixedDelay(
            this::poll, 0, config.controlInterval().toNanos(), TimeUnit.NANOSECONDS);
  }

  void stop() {
    if (task != null) {
      task.cancel(true);
    }
  }

  MiddlewareStatus.Control status() {
    return new MiddlewareStatus.Control(config.controlUrl(), lastSuccess, lastFailure, lastError);
  }

  /** One poll; never throws, so the schedule goes on. */
  void poll() {
    List<AttackSpec> attacks;
    try {
      attacks = fetch();
      registry.replaceControl(attacks, lease);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      registry.clearControl("polling stopped");
      return;
    } catch (Exception e) {
      fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return;
    }
    if (lastError != null || lastSuccess == null) {
      LOG.log(
          Level.INFO,
          "chaos4j control URL {0}: {1} attack(s) listed",
          config.controlUrl(),
          attacks.size());
    }
    lastError = null;
    lastSuccess = Instant.now();
  }

  private void fail(String why) {
    boolean first = lastError == null;
    lastError = why;
    lastFailure = Instant.now();
    int cleared = registry.clearControl("poll failed: " + why);
    if (first && cleared == 0) {
      LOG.log(Level.WARNING, "chaos4j control URL {0}: poll failed: {1}", config.controlUrl(), why);
    }
  }

  private List<AttackSpec> fetch() throws InterruptedException, IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.controlUrl())
            .timeout(config.controlTimeout())
            .header("Accept", "application/json")
            .header("X-Chaos4j-Instance", config.instance())
            .GET();
    if (config.application() != null) {
      request.header("X-Chaos4j-Application", config.application());
    }
    if (config.environment() != null) {
      request.header("X-Chaos4j-Environment", config.environment());
    }
    if (config.controlToken() != null) {
      request.header("Authorization", "Bearer " + config.controlToken());
    }
    CompletableFuture<HttpResponse<byte[]>> pending =
        client().sendAsync(request.build(), info -> new BoundedBody(config.controlMaxBodyBytes()));
    HttpResponse<byte[]> response;
    try {
      // The request timeout covers the headers; this bound covers the body as well.
      response = pending.get(config.controlTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new IOException("no answer within " + config.controlTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException(
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(),
          cause);
    }
    if (response.statusCode() != 200) {
      throw new IOException("answered HTTP " + response.statusCode());
    }
    return attacks(new String(response.body(), StandardCharsets.UTF_8));
  }

  private static List<AttackSpec> attacks(String body) {
    Object document = Json.parse(body);
    if (!(document instanceof Map<?, ?> map) || !(map.get("attacks") instanceof List<?> list)) {
      throw new InvalidAttackException("the answer is not an object with a list of \"attacks\"");
    }
    List<AttackSpec> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> attack)) {
        throw new InvalidAttackException("attacks[" + i + "] is not an object");
      }
      try {
        @SuppressWarnings("unchecked")
        Map<String, ?> json = (Map<String, ?>) attack;
        out.add(AttackSpec.fromMap(json));
      } catch (InvalidAttackException e) {
        throw new InvalidAttackException("attacks[" + i + "]: " + e.getMessage());
      }
    }
    return out;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(config.controlTimeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return client;
  }

  /** Collects a response body, failing as soon as it grows past the limit. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (out.size() + buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(
              new IOException(
                  "the answer is larger than "
                      + limit
                      + " bytes ("
                      + MiddlewareConfig.PREFIX
                      + "control.max-body-bytes)"));
          return;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        out.write(bytes, 0, bytes.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
