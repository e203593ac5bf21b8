package dev.chaos4j.cli;

/**
 * Receives the reference's flow events a command emits ({@code discovery-started}, {@code
 * init-completed}...): the seam where the notification channels of the settings file plug in.
 * Commands emit through {@code CommandBase.events()}: to the settings' notification channels unless
 * a listener is given to them.
 */
@FunctionalInterface
public interface FlowEvents {
  /** Listens to nothing. */
  FlowEvents NONE = (event, payload, error) -> {};

  /**
   * One event.
   *
   * @param event the reference's event name, e.g. {@code discovery-completed}
   * @param payload what the reference sends with it: a package name, a discovery document, an
   *     experiment, or null
   * @param error the failure of a {@code *-failed} event, else null
   */
  void emit(String event, Object payload, Throwable error);
}
