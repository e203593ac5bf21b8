package dev.chaos4j.core.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plugin channel for tests: records what it is called with; fails when the channel says so. */
public final class RecordingNotifier implements Notifier {
  /** The calls of every instance: the channel, then the event. */
  static final List<List<Map<String, Object>>> CALLS = new CopyOnWriteArrayList<>();

  @Override
  public void notify(Map<String, Object> channel, Map<String, Object> event) {
    CALLS.add(List.of(channel, event));
    if (Boolean.TRUE.equals(channel.get("fail"))) {
      throw new IllegalStateException("the plugin broke");
    }
  }
}
