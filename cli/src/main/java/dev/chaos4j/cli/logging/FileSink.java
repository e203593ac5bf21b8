package dev.chaos4j.cli.logging;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.LogSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to the log file ({@code --log-file}), with their source and stack traces, as the
 * reference's file log does. The file is opened on the first record, so a command that logs nothing
 * leaves no file behind.
 */
public final class FileSink implements LogSink, AutoCloseable {
  private final Path path;
  private final Level threshold;
  private OutputStream out;
  private boolean failed;

  public FileSink(Path path, Level threshold) {
    this.path = path;
    this.threshold = threshold;
  }

  @Override
  public synchronized void log(Level level, String source, String message, Throwable error) {
    if (!level.atLeast(threshold) || failed) {
      return;
    }
    try {
      if (out == null) {
        out =
            Files.newOutputStream(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
      }
      // one write per record, so that the file is complete whenever the run stops
      String text = LogLine.text(level, source, message, error, true) + System.lineSeparator();
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // a log file we cannot write must never stop an experiment; say it once on the console
      failed = true;
      System.err.println("[chaos4j] cannot write the log file " + path + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // nothing more to do: the records already written were flushed
      }
    }
  }
}
