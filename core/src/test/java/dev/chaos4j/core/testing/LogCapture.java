package dev.chaos4j.core.testing;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.log.LogSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The records the engine logs while one test runs, for assertions. A capture adds its own sink and
 * {@link #close()} removes only that one: other sinks stay, and threads left over from earlier
 * tests cannot clear it. Records below the global threshold ({@link Level#DEBUG} unless a test
 * changes it) are not seen.
 */
public final class LogCapture implements AutoCloseable {
  private record Entry(Level level, String message) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final LogSink sink;

  private LogCapture(Thread only) {
    sink =
        (level, source, message, error) -> {
          if (only == null || Thread.currentThread() == only) {
            entries.add(new Entry(level, message));
          }
        };
    Log.addSink(sink);
  }

  /**
   * Captures what the calling thread logs, and nothing else: the records of threads that earlier
   * tests left running (readers of output, background activities) never mix in.
   */
  public static LogCapture ofThisThread() {
    return new LogCapture(Thread.currentThread());
  }

  /**
   * Captures what every thread logs, for code under test that logs from threads of its own (the
   * Python bridge's reader). Assertions on such a capture should look for the records they expect
   * rather than count all of them, since threads of earlier tests may log into it too.
   */
  public static LogCapture ofAllThreads() {
    return new LogCapture(null);
  }

  /** The messages captured at a level, in order. */
  public List<String> messages(Level level) {
    return entries.stream().filter(e -> e.level() == level).map(Entry::message).toList();
  }

  /** The warnings captured, in order. */
  public List<String> warnings() {
    return messages(Level.WARNING);
  }

  @Override
  public void close() {
    Log.removeSink(sink);
  }
}
