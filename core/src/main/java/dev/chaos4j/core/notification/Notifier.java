package dev.chaos4j.core.notification;

import java.util.Map;

/**
 * A plugin notification channel: a Java class named by a {@code {"type": "plugin", "module":
 * "com.acme.Notifier"}} channel of the settings file, with a public no-argument constructor. It is
 * the Java counterpart of the reference's {@code module.notify(channel, payload)} function.
 *
 * <p>Calls come one at a time, in event order, from a thread of their own; anything thrown is
 * logged and never reaches the run.
 */
@FunctionalInterface
public interface Notifier {
  /**
   * One event.
   *
   * @param channel the channel's mapping as written in the settings file, so a notifier reads its
   *     own keys ({@code token}, {@code channel}...) from it
   * @param event {@code {"name", "payload", "phase", "ts", "error"?}}, a copy the notifier may keep
   * @throws Exception any failure: it is logged as a warning
   */
  void notify(Map<String, Object> channel, Map<String, Object> event) throws Exception;
}
