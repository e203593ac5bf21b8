package dev.chaos4j.core.provider;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the engine logs while a test runs; closing it removes every sink. */
public final class LogRecorder implements AutoCloseable {
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private LogRecorder() {}

  /** Starts recording. */
  public static LogRecorder start() {
    LogRecorder recorder = new LogRecorder();
    Log.clearSinks();
    Log.setThreshold(Level.DEBUG);
    Log.addSink(
        (level, source, message, error) -> {
          if (level == Level.WARNING) {
            recorder.warnings.add(message);
          }
        });
    return recorder;
  }

  /** The warnings logged so far, in order. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() {
    Log.clearSinks();
  }
}
