package dev.chaos4j.core.testing;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects log records for assertions; {@link #close()} removes every sink. */
public final class LogCapture implements AutoCloseable {
  /** One captured record. */
  public record Entry(Level level, String message, Throwable error) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  private LogCapture() {}

  /** Starts capturing every record. */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    Log.clearSinks();
    Log.setThreshold(Level.DEBUG);
    Log.addSink(
        (level, source, message, error) -> capture.entries.add(new Entry(level, message, error)));
    return capture;
  }

  /** The messages logged at a level, in order. */
  public List<String> messages(Level level) {
    return entries.stream().filter(e -> e.level() == level).map(Entry::message).toList();
  }

  @Override
  public void close() {
    Log.clearSinks();
  }
}
