package dev.chaos4j.cli.proxy;

import dev.chaos4j.cli.SignalHandlers;
import java.util.concurrent.CountDownLatch;

/**
 * The stop request of a foreground server: SIGINT (Ctrl-C) or SIGTERM. The JVM's own reaction to
 * them (shutdown hooks, then exit code 130 or 143) is replaced while installed, so that the server
 * closes in order and the command exits 0; the previous handlers come back on {@link #close()}.
 */
final class StopSignals implements AutoCloseable {
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final SignalHandlers handlers = new SignalHandlers();
  private volatile String received;

  private StopSignals() {}

  /** Starts listening for SIGINT and SIGTERM. */
  static StopSignals install() {
    StopSignals stop = new StopSignals();
    stop.handlers
        .handle("INT", () -> stop.stop("SIGINT"))
        .handle("TERM", () -> stop.stop("SIGTERM"));
    return stop;
  }

  private void stop(String signal) {
    if (received == null) {
      received = signal;
    }
    stopped.countDown();
  }

  /**
   * Blocks until SIGINT or SIGTERM arrives.
   *
   * @return the signal's name, e.g. {@code SIGTERM}
   * @throws InterruptedException when the waiting thread is interrupted first
   */
  String await() throws InterruptedException {
    stopped.await();
    return received;
  }

  @Override
  public void close() {
    handlers.close();
  }
}
