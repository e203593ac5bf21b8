package dev.chaos4j.middleware.servlet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the middleware's log lines (System.Logger goes to java.util.logging by default). */
final class LogCapture extends Handler implements AutoCloseable {
  private static final Logger LOGGER = Logger.getLogger("dev.chaos4j.middleware");
  final List<String> lines = new CopyOnWriteArrayList<>();

  LogCapture() {
    setLevel(Level.ALL);
    LOGGER.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    Object[] params = record.getParameters();
    String message = record.getMessage();
    lines.add(
        record.getLevel()
            + " "
            + (params == null ? message : java.text.MessageFormat.format(message, params)));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    LOGGER.removeHandler(this);
  }
}
