package dev.chaos4j.cli;

import dev.chaos4j.core.log.Log;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Process signal handlers installed for as long as a command needs them: the handlers they replace
 * come back on {@link #close()}. A signal the platform does not have is left alone.
 */
public final class SignalHandlers implements AutoCloseable {
  private static final Log LOG = Log.of(SignalHandlers.class);

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  /**
   * Runs the action on each arrival of the signal.
   *
   * @param name the signal's name without {@code SIG}, e.g. {@code TERM}
   */
  public SignalHandlers handle(String name, Runnable action) {
    try {
      Signal signal = new Signal(name);
      SignalHandler old = Signal.handle(signal, s -> action.run());
      signals.add(signal);
      previous.add(old);
    } catch (IllegalArgumentException e) {
      // not a signal of this platform (e.g. SIGUSR1 on Windows): the JVM's reaction stays
      LOG.debug("signal " + name + " cannot be handled here: " + e.getMessage());
    }
    return this;
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
