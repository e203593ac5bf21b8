package dev.chaos4j.core.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the reference's event document: {@code {"name", "payload", "phase", "ts", "error"?}}. */
final class FlowEvent {
  private FlowEvent() {}

  /**
   * @param event e.g. {@code run-started}; its prefix gives the phase
   * @param payload the experiment, journal, discovery document or package name, or null
   * @param error the failure of a {@code *-failed} event, or null
   * @param now when the event happened
   */
  static Map<String, Object> of(String event, Object payload, Throwable error, Instant now) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", event);
    document.put("payload", payload);
    document.put("phase", phase(event));
    // seconds since the epoch with microseconds, as Python's datetime.timestamp()
    document.put("ts", now.getEpochSecond() + now.getNano() / 1000 / 1_000_000.0);
    if (error != null) {
      document.put("error", describe(error));
    }
    return document;
  }

  /** The part of the event name before its last dash: run, validate, discovery, init. */
  static String phase(String event) {
    int dash = event.lastIndexOf('-');
    return dash < 0 ? event : event.substring(0, dash);
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isEmpty() ? error.getClass().getSimpleName() : message;
  }
}
