package dev.chaos4j.cli.logging;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.value.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;

/** Formats log records as the reference prints them. */
final class LogLine {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private LogLine() {}

  /** {@code [2026-11-22 01:49:16 INFO] message}, plus {@code [Source] } when detailed. */
  static String text(
      Level level, String source, String message, Throwable error, boolean detailed) {
    StringBuilder sb = new StringBuilder(64 + message.length());
    sb.append('[').append(localNow().format(STAMP)).append(' ').append(level).append("] ");
    if (detailed) {
      sb.append('[').append(source).append("] ");
    }
    sb.append(message);
    if (error != null && detailed) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      sb.append(System.lineSeparator()).append(trace.toString().stripTrailing());
    }
    return sb.toString();
  }

  /** One JSON object per record, with the keys of the reference's JSON console format. */
  static String json(Level level, String source, String message) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("process", ProcessHandle.current().pid());
    record.put("asctime", localNow().format(STAMP));
    record.put("levelname", level.name());
    record.put("module", source);
    record.put("lineno", 0);
    record.put("message", message);
    record.put("context_id", null);
    record.put("timestamp", System.currentTimeMillis() / 1000.0);
    return Json.compact(record);
  }

  /**
   * The local time, to the second. The same as {@code LocalDateTime.now()}, but the offset comes
   * from {@link TimeZone}: {@code LocalDateTime.now()} loads java.time's zone rules provider, which
   * adds some 10 ms to the start of every command.
   */
  private static LocalDateTime localNow() {
    long millis = System.currentTimeMillis();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(TimeZone.getDefault().getOffset(millis) / 1000);
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, offset);
  }
}
