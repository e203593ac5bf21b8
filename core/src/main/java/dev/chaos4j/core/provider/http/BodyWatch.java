package dev.chaos4j.core.provider.http;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Collects a response body and abandons it when the server sends nothing for longer than the read
 * timeout, as python-requests' read timeout does. The JDK's request timeout only covers the wait
 * for the response headers.
 */
final class BodyWatch implements HttpResponse.BodyHandler<byte[]> {
  private final long readNanos;
  private volatile boolean expired;

  BodyWatch(Duration read) {
    this.readNanos = read.toNanos();
  }

  /** Whether the body was abandoned because the server went silent. */
  boolean expired() {
    return expired;
  }

  @Override
  public BodySubscriber<byte[]> apply(ResponseInfo info) {
    return new Watched(BodySubscribers.ofByteArray());
  }

  /** Passes the body through, noting when data last arrived. */
  private final class Watched implements BodySubscriber<byte[]> {
    private final BodySubscriber<byte[]> delegate;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private volatile long lastData = System.nanoTime();
    private volatile Flow.Subscription subscription;

    Watched(BodySubscriber<byte[]> delegate) {
      this.delegate = delegate;
      Sweeper.INSTANCE.watch(this);
      delegate
          .getBody()
          .whenComplete(
              (bytes, error) -> {
                Sweeper.INSTANCE.forget(this);
                if (error != null) {
                  body.completeExceptionally(error);
                } else {
                  body.complete(bytes);
                }
              });
    }

    /** Abandons the body if the server has been silent for the read timeout. */
    void check(long now) {
      long idle = now - lastData;
      if (idle < readNanos || body.isDone()) {
        return;
      }
      expired = true;
      Sweeper.INSTANCE.forget(this);
      body.completeExceptionally(
          new HttpTimeoutException("no data received for " + Duration.ofNanos(idle)));
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel(); // the JDK then closes the connection
      }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      lastData = System.nanoTime();
      delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
      delegate.onComplete();
    }
  }

  /**
   * One daemon thread that checks every body being received, every {@link #TICK_NANOS}. Watching a
   * body is adding it to a set: unlike scheduling a timer per response, it wakes no thread, which
   * matters at thousands of probes a second. The thread parks when nothing has been watched for a
   * while.
   */
  private static final class Sweeper implements Runnable {
    static final Sweeper INSTANCE = start();

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private volatile boolean parked;
    private Thread thread;

    private static Sweeper start() {
      Sweeper sweeper = new Sweeper();
      sweeper.thread = new Thread(sweeper, "chaos4j-http-body-watch");
      sweeper.thread.setDaemon(true);
      sweeper.thread.start();
      return sweeper;
    }

    void watch(Watched body) {
      watched.add(body);
      if (parked) {
        LockSupport.unpark(thread);
      }
    }

    void forget(Watched body) {
      watched.remove(body);
    }

    @Override
    public void run() {
      long lastBusy = System.nanoTime();
      while (true) {
        long now = System.nanoTime();
        if (!watched.isEmpty()) {
          lastBusy = now;
          for (Watched body : watched) {
            body.check(now);
          }
          LockSupport.parkNanos(this, TICK_NANOS);
        } else if (now - lastBusy < LINGER_NANOS) {
          LockSupport.parkNanos(this, TICK_NANOS);
        } else {
          parked = true;
          // a body watched between the check above and here has unparked us (or will)
          if (watched.isEmpty()) {
            LockSupport.park(this);
          }
          parked = false;
          lastBusy = System.nanoTime();
        }
      }
    }
  }
}
