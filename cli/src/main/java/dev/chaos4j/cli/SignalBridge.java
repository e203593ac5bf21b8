package dev.chaos4j.cli;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.run.Interruption;

/**
 * Turns the process signals into stop requests of a run, as the reference reacts to them: SIGINT
 * and SIGTERM interrupt, SIGUSR1 exits gracefully, SIGUSR2 exits without rollbacks. The previous
 * handlers are restored when the run ends.
 */
final class SignalBridge {
  private static final Log LOG = Log.of(SignalBridge.class);

  private SignalBridge() {}

  /** Installs the handlers for one run; closing them restores the previous ones. */
  static SignalHandlers install(Interruption interruption) {
    return new SignalHandlers()
        .handle(
            "INT",
            () -> {
              int count = interruption.request(Interruption.Kind.SIGINT, "Ctrl-C received");
              if (count > 1) {
                LOG.warning(
                    "Ctrl-C received again: stopping what is running now; activities and"
                        + " rollbacks not yet played will not run (see the journal for what did)");
              }
            })
        .handle(
            "TERM",
            () -> {
              LOG.warning("Caught SIGTERM signal, interrupting experiment now");
              interruption.request(Interruption.Kind.SIGTERM, "SIGTERM signal received");
            })
        .handle(
            "USR1",
            () -> interruption.request(Interruption.Kind.GRACEFUL, "Received the exit signal: 20"))
        .handle(
            "USR2",
            () ->
                interruption.request(Interruption.Kind.UNGRACEFUL, "Received the exit signal: 30"));
  }
}
