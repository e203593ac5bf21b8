package dev.chaos4j.middleware.client;

import dev.chaos4j.middleware.AttackPlan;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.RequestHeaders;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A {@link HttpClient} that applies the middleware's outbound attacks to the calls it sends, and
 * otherwise is the client it wraps: every setting and method is the wrapped client's.
 *
 * <p>For an attacked call, before it is sent: each delay (on the calling thread for {@code send};
 * scheduled, never blocking the caller, for {@code sendAsync}), then the first fault. An abort
 * answers in the dependency's place with the attack's status and body, read through the caller's
 * body handler; an exception fails the call as a network failure would ({@code send} throws it, the
 * future of {@code sendAsync} completes with it). Either way the dependency is never called. The
 * kill switch ends delays in progress and cancels their faults: the call then goes out as usual.
 * WebSocket connections are not attacked.
 *
 * <pre>{@code
 * HttpClient http = ChaosHttpClient.wrap(HttpClient.newHttpClient(), chaos);
 * }</pre>
 */
public final class ChaosHttpClient extends HttpClient {

  private static final RequestHeaders<HttpRequest> HEADERS =
      (request, name) -> request.headers().firstValue(name).orElse(null);

  private final HttpClient delegate;
  private final ChaosMiddleware middleware;
  private final String markerHeader;

  private ChaosHttpClient(HttpClient delegate, ChaosMiddleware middleware) {
    this.delegate = delegate;
    this.middleware = middleware;
    this.markerHeader = middleware.config().responseHeader();
  }

  /**
   * The client with the middleware's outbound attacks applied. While no outbound attack is armed, a
   * call costs the wrapped client's call plus one volatile read.
   */
  public static HttpClient wrap(HttpClient client, ChaosMiddleware middleware) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(middleware, "middleware");
    return new ChaosHttpClient(client, middleware);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
      throws IOException, InterruptedException {
    AttackPlan plan = plan(request);
    if (plan == null) {
      return delegate.send(request, handler);
    }
    return new AttackedCall<>(delegate, plan, request, handler, null, markerHeader).send();
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> handler) {
    AttackPlan plan = plan(request);
    if (plan == null) {
      return delegate.sendAsync(request, handler);
    }
    return new AttackedCall<>(delegate, plan, request, handler, null, markerHeader).sendAsync();
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, BodyHandler<T> handler, PushPromiseHandler<T> pushes) {
    AttackPlan plan = plan(request);
    if (plan == null) {
      return delegate.sendAsync(request, handler, pushes);
    }
    return new AttackedCall<>(delegate, plan, request, handler, pushes, markerHeader).sendAsync();
  }

  private AttackPlan plan(HttpRequest request) {
    if (middleware.isOutboundIdle()) {
      return null;
    }
    Objects.requireNonNull(request, "request");
    return middleware.planOutbound(request.method(), request.uri(), request, HEADERS);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  // Java 21 made HttpClient closeable. The library is compiled for Java 17, where these are plain
  // methods; on 21 and later they override HttpClient's (whose default close() calls them), so
  // shutting down or closing the wrapper shuts down or closes the wrapped client.

  /** Shuts the wrapped client down (Java 21 and later). */
  public void shutdown() {
    Lifecycle.call(Lifecycle.SHUTDOWN, delegate);
  }

  /** Shuts the wrapped client down now (Java 21 and later). */
  public void shutdownNow() {
    Lifecycle.call(Lifecycle.SHUTDOWN_NOW, delegate);
  }

  /** Waits for the wrapped client to terminate (Java 21 and later; {@code true} before). */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    if (Lifecycle.AWAIT_TERMINATION == null) {
      return true;
    }
    try {
      return (boolean) Lifecycle.AWAIT_TERMINATION.invoke(delegate, duration);
    } catch (InterruptedException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the wrapped client has terminated (Java 21 and later; {@code false} before). */
  public boolean isTerminated() {
    if (Lifecycle.IS_TERMINATED == null) {
      return false;
    }
    try {
      return (boolean) Lifecycle.IS_TERMINATED.invoke(delegate);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ChaosHttpClient(" + delegate + ")";
  }

  /** The lifecycle methods of Java 21's HttpClient, looked up once, when first needed. */
  private static final class Lifecycle {
    static final MethodHandle SHUTDOWN = find("shutdown", MethodType.methodType(void.class));
    static final MethodHandle SHUTDOWN_NOW = find("shutdownNow", MethodType.methodType(void.class));
    static final MethodHandle AWAIT_TERMINATION =
        find("awaitTermination", MethodType.methodType(boolean.class, Duration.class));
    static final MethodHandle IS_TERMINATED =
        find("isTerminated", MethodType.methodType(boolean.class));

    private static MethodHandle find(String name, MethodType type) {
      try {
        return MethodHandles.publicLookup().findVirtual(HttpClient.class, name, type);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        return null; // before Java 21
      }
    }

    static void call(MethodHandle method, HttpClient client) {
      if (method == null) {
        return;
      }
      try {
        method.invoke(client);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
