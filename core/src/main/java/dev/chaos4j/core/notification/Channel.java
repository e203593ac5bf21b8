package dev.chaos4j.core.notification;

import java.util.Map;
import java.util.Set;

/**
 * One notification channel of the settings file.
 *
 * <p>{@code send} is called from the channel's own thread; it reports failures by throwing, and
 * {@link Notifications} logs them.
 */
interface Channel {
  /** How the channel is named in log lines, e.g. {@code notifications[0] (http://host/hook)}. */
  String describe();

  /** The events this channel receives; null for every event. */
  Set<String> events();

  /**
   * Sends one event.
   *
   * @param event the event document, shared: read it, do not change it
   * @param json the same document as compact JSON
   */
  void send(Map<String, Object> event, String json) throws Exception;

  /** Whether the channel receives this event. */
  default boolean wants(String event) {
    return events() == null || events().contains(event);
  }
}
