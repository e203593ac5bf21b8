package dev.chaos4j.core.notification;

import dev.chaos4j.core.value.Json;
import java.util.Map;
import java.util.Set;

/** {@code {"type": "plugin", "module": "<Java class>", "events"}}: a {@link Notifier} called. */
final class PluginChannel implements Channel {
  private final String name;
  private final String className;
  private final Notifier notifier;
  private final Map<String, Object> declaration;
  private final Set<String> events;

  PluginChannel(
      String name,
      String className,
      Notifier notifier,
      Map<String, Object> declaration,
      Set<String> events) {
    this.name = name;
    this.className = className;
    this.notifier = notifier;
    this.declaration = declaration;
    this.events = events;
  }

  @Override
  public String describe() {
    return name + " (" + className + ")";
  }

  @Override
  public Set<String> events() {
    return events;
  }

  @Override
  public void send(Map<String, Object> event, String json) throws Exception {
    // copies: the notifier may keep or change what it is given
    notifier.notify(Json.deepCopy(declaration), Json.deepCopy(event));
  }
}
