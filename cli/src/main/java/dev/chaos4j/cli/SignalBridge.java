package dev.chaos4j.cli;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.run.Interruption;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the process signals into stop requests of a run, as the reference reacts to them: SIGINT
 * and SIGTERM interrupt, SIGUSR1 exits gracefully, SIGUSR2 exits without rollbacks. The previous
 * handlers are restored when the run ends.
 */
final class SignalBridge implements AutoCloseable {
  private static final Log LOG = Log.of(SignalBridge.class);

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private SignalBridge() {}

  /** Installs the handlers for one run. */
  static SignalBridge install(Interruption interruption) {
    SignalBridge bridge = new SignalBridge();
    bridge.handle(
        "INT",
        () -> {
          int count = interruption.request(Interruption.Kind.SIGINT, "Ctrl-C received");
          if (count > 1) {
            LOG.warning(
                "Ctrl-C received again: stopping what is running now; activities and rollbacks"
                    + " not yet played will not run (see the journal for what did)");
          }
        });
    bridge.handle(
        "TERM",
        () -> {
          LOG.warning("Caught SIGTERM signal, interrupting experiment now");
          interruption.request(Interruption.Kind.SIGTERM, "SIGTERM signal received");
        });
    bridge.handle(
        "USR1",
        () -> interruption.request(Interruption.Kind.GRACEFUL, "Received the exit signal: 20"));
    bridge.handle(
        "USR2",
        () -> interruption.request(Interruption.Kind.UNGRACEFUL, "Received the exit signal: 30"));
    return bridge;
  }

  private void handle(String name, Runnable action) {
    try {
      Signal signal = new Signal(name);
      SignalHandler old = Signal.handle(signal, s -> action.run());
      signals.add(signal);
      previous.add(old);
    } catch (IllegalArgumentException e) {
      // the platform has no such signal (e.g. SIGUSR1 on Windows): nothing to bridge
      LOG.debug("signal " + name + " cannot be handled here: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
