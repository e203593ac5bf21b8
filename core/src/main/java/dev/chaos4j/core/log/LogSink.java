package dev.chaos4j.core.log;

/** Where log records go; the CLI installs sinks for the console and the log file. */
@FunctionalInterface
public interface LogSink {
  /**
   * Receives one record.
   *
   * @param level the record's level
   * @param source the simple name of the class that logged it (the reference's "module")
   * @param message the message, already formatted
   * @param error an exception to show in verbose output, or null
   */
  void log(Level level, String source, String message, Throwable error);
}
