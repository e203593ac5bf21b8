package dev.chaos4j.cli.proxy;

import dev.chaos4j.core.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The stop request of a foreground server: SIGINT (Ctrl-C) or SIGTERM. The JVM's own reaction to
 * them (shutdown hooks, then exit code 130 or 143) is replaced while installed, so that the server
 * closes in order and the command exits 0; the previous handlers come back on {@link #close()}.
 */
final class StopSignals implements AutoCloseable {
  private static final Log LOG = Log.of(StopSignals.class);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile String received;

  private StopSignals() {}

  /** Starts listening for SIGINT and SIGTERM. */
  static StopSignals install() {
    StopSignals stop = new StopSignals();
    stop.handle("INT");
    stop.handle("TERM");
    return stop;
  }

  private void handle(String name) {
    try {
      Signal signal = new Signal(name);
      SignalHandler old =
          Signal.handle(
              signal,
              s -> {
                if (received == null) {
                  received = "SIG" + name;
                }
                stopped.countDown();
              });
      signals.add(signal);
      previous.add(old);
    } catch (IllegalArgumentException e) {
      // not a signal of this platform: the JVM's default reaction stays
      LOG.debug("signal " + name + " cannot be handled here: " + e.getMessage());
    }
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
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
