package dev.chaos4j.core.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's logger. A dependency-free facade: the CLI decides where records go by installing
 * {@link LogSink}s, and with none installed records are dropped, so embedding the engine is quiet.
 */
public final class Log {
  private static final List<LogSink> SINKS = new CopyOnWriteArrayList<>();
  private static volatile Level threshold = Level.DEBUG;

  private final String source;

  private Log(String source) {
    this.source = source;
  }

  /** The logger for a class. */
  public static Log of(Class<?> type) {
    return new Log(type.getSimpleName());
  }

  /** Adds a destination for records. */
  public static void addSink(LogSink sink) {
    SINKS.add(sink);
  }

  /** Removes one destination, leaving the others in place. */
  public static void removeSink(LogSink sink) {
    SINKS.remove(sink);
  }

  /** Removes every destination (a command that installs its own destinations starts with this). */
  public static void clearSinks() {
    SINKS.clear();
  }

  /** The lowest level any sink wants; records below it are not even formatted. */
  public static void setThreshold(Level level) {
    threshold = level;
  }

  /** Whether records of this level reach any sink. */
  public boolean enabled(Level level) {
    return level.atLeast(threshold) && !SINKS.isEmpty();
  }

  public void debug(String message) {
    log(Level.DEBUG, message, null);
  }

  public void debug(String message, Throwable error) {
    log(Level.DEBUG, message, error);
  }

  public void info(String message) {
    log(Level.INFO, message, null);
  }

  public void warning(String message) {
    log(Level.WARNING, message, null);
  }

  public void error(String message) {
    log(Level.ERROR, message, null);
  }

  public void error(String message, Throwable error) {
    log(Level.ERROR, message, error);
  }

  public void critical(String message) {
    log(Level.CRITICAL, message, null);
  }

  /** Logs one record at a level. */
  public void log(Level level, String message, Throwable error) {
    if (!level.atLeast(threshold)) {
      return;
    }
    for (LogSink sink : SINKS) {
      sink.log(level, source, message, error);
    }
  }
}
