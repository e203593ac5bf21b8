package dev.chaos4j.cli.logging;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.LogSink;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writes records at INFO and above (DEBUG with {@code --verbose}) to standard error. */
public final class ConsoleSink implements LogSink {
  private final PrintStream out;
  private final Level threshold;
  private final boolean verbose;
  private final boolean json;

  public ConsoleSink(PrintStream out, boolean verbose, boolean json) {
    this.out = out;
    this.verbose = verbose;
    this.threshold = verbose ? Level.DEBUG : Level.INFO;
    this.json = json;
  }

  @Override
  public void log(Level level, String source, String message, Throwable error) {
    if (!level.atLeast(threshold)) {
      return;
    }
    String line =
        json
            ? LogLine.json(level, source, message)
            : LogLine.text(level, source, message, error, verbose);
    String text = line + System.lineSeparator();
    // An ASCII line is the same bytes in any charset the stream may use, and String's own encoding
    // costs a fraction of the stream's character encoder while a run is still interpreted.
    byte[] ascii = text.getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      if (ascii.length == text.length()) {
        out.write(ascii, 0, ascii.length);
      } else {
        out.print(text);
      }
      out.flush();
    }
  }
}
