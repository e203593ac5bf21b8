package dev.chaos4j.cli.logging;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.run.Timestamps;
import dev.chaos4j.core.value.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;

/** Formats log records as the reference prints them. */
final class LogLine {

  /**
   * The last second's formatted stamp: a run logs a line per activity, many per second, and
   * formatting it costs more than the rest of the line together.
   */
  private static volatile Stamp last = new Stamp(Long.MIN_VALUE, 0, "");

  private LogLine() {}

  /** {@code [2026-11-22 01:49:16 INFO] message}, plus {@code [Source] } when detailed. */
  static String text(
      Level level, String source, String message, Throwable error, boolean detailed) {
    StringBuilder sb = new StringBuilder(64 + message.length());
    sb.append('[').append(stamp()).append(' ').append(level).append("] ");
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
    record.put("asctime", stamp());
    record.put("levelname", level.name());
    record.put("module", source);
    record.put("lineno", 0);
    record.put("message", message);
    record.put("context_id", null);
    record.put("timestamp", System.currentTimeMillis() / 1000.0);
    return Json.compact(record);
  }

  /** The local time to the second, {@code 2026-11-22 01:49:16}. */
  static String stamp() {
    long millis = System.currentTimeMillis();
    long second = Math.floorDiv(millis, 1000);
    // The offset comes from TimeZone, not from LocalDateTime.now(): that loads java.time's zone
    // rules provider, which adds some 10 ms to the start of every command.
    int offsetSeconds = TimeZone.getDefault().getOffset(millis) / 1000;
    Stamp stamp = last;
    if (stamp.second != second || stamp.offsetSeconds != offsetSeconds) {
      stamp = new Stamp(second, offsetSeconds, Timestamps.dateTime(second + offsetSeconds, ' '));
      last = stamp;
    }
    return stamp.text;
  }

  private record Stamp(long second, int offsetSeconds, String text) {}
}
