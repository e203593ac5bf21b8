package dev.chaos4j.middleware.client;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.AttackPlan.Hit;
import dev.chaos4j.middleware.AttackSpec.Abort;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attacked call: the plan's hits carried out before the call is sent, on the caller's thread
 * for {@code send}, without any waiting thread for {@code sendAsync}.
 *
 * <p>The call's own timeout keeps its meaning: the client would have given up on a dependency that
 * slow, so when the delays reach {@link HttpRequest#timeout()} the call fails with {@link
 * HttpTimeoutException} once the timeout has passed, and a call sent after a delay gets only what
 * is left of its timeout.
 */
final class AttackedCall<T> {

  private final HttpClient client;
  private final AttackPlan plan;
  private final List<Hit> hits;
  private final HttpRequest request;
  private final BodyHandler<T> handler;
  private final PushPromiseHandler<T> pushes;
  private final String markerHeader;
  private final boolean timed;
  private final long deadline;

  AttackedCall(
      HttpClient client,
      AttackPlan plan,
      HttpRequest request,
      BodyHandler<T> handler,
      PushPromiseHandler<T> pushes,
      String markerHeader) {
    this.client = client;
    this.plan = plan;
    this.hits = plan.hits();
    this.request = request;
    this.handler = handler;
    this.pushes = pushes;
    this.markerHeader = markerHeader;
    Duration timeout = request.timeout().orElse(null);
    this.timed = timeout != null;
    this.deadline = timed ? System.nanoTime() + timeout.toNanos() : 0;
  }

  // ---- send ----

  HttpResponse<T> send() throws IOException, InterruptedException {
    try (plan) {
      boolean delayed = false;
      for (Hit hit : hits) {
        long wait = hit.delayMillis();
        boolean timesOut = timesOut(wait);
        if (timesOut) {
          wait = remainingMillis();
        }
        if (!plan.pause(hit, wait)) {
          if (Thread.interrupted()) {
            throw new InterruptedException(
                "interrupted during the delay of chaos4j attack '" + hit.attackId() + "'");
          }
          delayed = true;
          continue; // disarmed: the delay ends and the fault is cancelled
        }
        delayed |= wait > 0;
        if (timesOut) {
          throw timeout(hit);
        }
        Abort abort = hit.abort();
        if (abort != null) {
          return awaitAbort(abort);
        }
        if (hit.throwsException()) {
          throw CallFailures.thrown(hit.newException());
        }
      }
      return client.send(delayed ? withRemainingTimeout() : request, handler);
    }
  }

  private HttpResponse<T> awaitAbort(Abort abort) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<T>> response = abortResponse(abort).toCompletableFuture();
    try {
      // The body is in memory: a body handler completes at once; a broken one is bounded by the
      // call's timeout, as a real body would be.
      return timed
          ? response.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
          : response.get();
    } catch (TimeoutException e) {
      throw new HttpTimeoutException("request timed out while the body handler read the abort");
    } catch (ExecutionException e) {
      throw CallFailures.thrown(e.getCause());
    }
  }

  // ---- sendAsync ----

  CompletableFuture<HttpResponse<T>> sendAsync() {
    CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    result.whenComplete((response, error) -> plan.close());
    step(0, false, result, client.executor().orElse(null));
    return result;
  }

  /** Carries out hit {@code i}, then the next ones, then the call; each step as a completion. */
  private void step(
      int i, boolean delayed, CompletableFuture<HttpResponse<T>> result, Executor executor) {
    if (result.isDone()) {
      return; // cancelled by the caller
    }
    if (i == hits.size()) {
      forward(delayed ? withRemainingTimeout() : request, result);
      return;
    }
    Hit hit = hits.get(i);
    boolean timesOut = timesOut(hit.delayMillis());
    long wait = timesOut ? remainingMillis() : hit.delayMillis();
    plan.delay(hit, wait, executor)
        .whenComplete(
            (acts, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
              } else if (!acts) {
                step(i + 1, true, result, executor); // disarmed: the fault is cancelled
              } else if (timesOut) {
                result.completeExceptionally(timeout(hit));
              } else if (hit.abort() != null) {
                abortResponse(hit.abort())
                    .whenComplete(
                        (response, failed) -> {
                          if (failed != null) {
                            result.completeExceptionally(CallFailures.of(failed));
                          } else {
                            result.complete(response);
                          }
                        });
              } else if (hit.throwsException()) {
                result.completeExceptionally(CallFailures.of(hit.newException()));
              } else {
                step(i + 1, delayed || wait > 0, result, executor);
              }
            });
  }

  private void forward(HttpRequest call, CompletableFuture<HttpResponse<T>> result) {
    CompletableFuture<HttpResponse<T>> sent;
    try {
      sent =
          pushes == null
              ? client.sendAsync(call, handler)
              : client.sendAsync(call, handler, pushes);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    // The exception is passed on as the client reported it, so callers see what they would see.
    sent.whenComplete(
        (response, error) -> {
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(response);
          }
        });
    result.whenComplete(
        (response, error) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
          }
        });
  }

  // ---- shared ----

  private CompletionStage<HttpResponse<T>> abortResponse(Abort abort) {
    return AbortResponse.of(
        request,
        abort,
        markerHeader,
        plan.marker(),
        request.version().orElse(client.version()),
        handler);
  }

  /** Whether the caller's timeout runs out before a delay of {@code millis} does. */
  private boolean timesOut(long millis) {
    return timed && remainingMillis() <= millis;
  }

  /** What is left of the call's timeout, rounded up: the call never fails before its time. */
  private long remainingMillis() {
    long nanos = deadline - System.nanoTime();
    return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
  }

  /** The request with what is left of its timeout, as if its clock had started before the delay. */
  private HttpRequest withRemainingTimeout() {
    if (!timed) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .timeout(Duration.ofMillis(Math.max(1, remainingMillis())))
        .build();
  }

  private HttpTimeoutException timeout(Hit hit) {
    return new HttpTimeoutException(
        "request timed out (chaos4j attack '"
            + hit.attackId()
            + "' delayed the call by "
            + hit.delayMillis()
            + " ms)");
  }
}
