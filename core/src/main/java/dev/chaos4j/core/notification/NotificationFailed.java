package dev.chaos4j.core.notification;

/** A channel could not deliver an event; logged, never thrown to the run. */
final class NotificationFailed extends Exception {
  private static final long serialVersionUID = 1L;

  NotificationFailed(String message) {
    super(message);
  }
}
