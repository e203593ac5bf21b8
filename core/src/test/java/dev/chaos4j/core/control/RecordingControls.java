package dev.chaos4j.core.control;

import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.value.Py;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Java control module for tests, registered as {@link #MODULE}: each instance records every hook
 * call as {@code "<name> <hook> <level> <subject>"} (subject: the context's name or title, or the
 * source) and keeps the calls. Its arguments make it misbehave: {@code interrupt_at} or {@code
 * fail_at} name an event (e.g. {@code "before activity a"}) at which it throws {@link
 * InterruptExecution} or an {@link IllegalStateException}; {@code configure_fails} makes {@code
 * configure} throw; {@code set_configuration} (a mapping) is put into the configuration before each
 * level.
 */
public final class RecordingControls implements ControlModule {
  /** The module name declarations use: {@code {"type": "python", "module": MODULE}}. */
  public static final String MODULE = "chaos4j.test.recording";

  /** What happened, in order, across all instances. */
  public final List<String> events = new CopyOnWriteArrayList<>();

  /** Every call, in order. */
  public final List<ControlCall> calls = new CopyOnWriteArrayList<>();

  @Override
  public String module() {
    return MODULE;
  }

  @Override
  public Control create() {
    return new Control() {
      private String name = "?";

      @Override
      public void configure(ControlCall call) {
        name = call.name();
        record("configure", call);
        if (Py.truthy(call.arguments().get("configure_fails"))) {
          throw new IllegalStateException("cannot configure");
        }
      }

      @Override
      public void before(ControlCall call) {
        if (call.arguments().get("set_configuration") instanceof Map<?, ?> values) {
          values.forEach((k, v) -> call.configuration().put(String.valueOf(k), v));
        }
        record("before", call);
      }

      @Override
      public void after(ControlCall call) {
        record("after", call);
      }

      @Override
      public void cleanup() {
        events.add(name + " cleanup");
      }
    };
  }

  /** A loader of this module only (no Python). */
  public ControlLoader loader() {
    return new ControlLoader(List.of(this), null, java.nio.file.Path.of("."), System.getenv());
  }

  /** The events of one level, e.g. {@code "activity"}. */
  public List<String> eventsOf(String level) {
    return events.stream()
        .filter(
            e -> {
              String[] parts = e.split(" ");
              return parts.length > 2 && parts[2].equals(level);
            })
        .toList();
  }

  private void record(String hook, ControlCall call) {
    String event =
        call.name()
            + " "
            + hook
            + (call.level() == null ? "" : " " + call.level() + " " + subject(call.context()));
    events.add(event);
    calls.add(call);
    if (event.endsWith(String.valueOf(call.arguments().get("interrupt_at")))) {
      throw new InterruptExecution(call.name() + " stops the run");
    }
    if (event.endsWith(String.valueOf(call.arguments().get("fail_at")))) {
      throw new IllegalStateException(call.name() + " is broken");
    }
  }

  private static String subject(Object context) {
    if (context instanceof Map<?, ?> m) {
      return String.valueOf(m.containsKey("name") ? m.get("name") : m.get("title"));
    }
    return String.valueOf(context);
  }
}
