package dev.chaos4j.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.log.Level;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogLineTest {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Pattern TEXT_STAMP = Pattern.compile("^\\[(\\S+ \\S+) INFO\\] hello$");
  private static final Pattern JSON_STAMP = Pattern.compile("\"asctime\": ?\"([^\"]+)\"");

  private final TimeZone defaultZone = TimeZone.getDefault();

  @AfterEach
  void restoreZone() {
    TimeZone.setDefault(defaultZone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe"})
  void textLinesCarryTheLocalTimeOfTheDefaultZone(String zone) {
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    String before = LocalDateTime.now().format(STAMP);
    String line = LogLine.text(Level.INFO, "x", "hello", null, false);
    String after = LocalDateTime.now().format(STAMP);

    Matcher m = TEXT_STAMP.matcher(line);
    assertThat(m.matches()).as(line).isTrue();
    assertThat(m.group(1)).isBetween(before, after);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Kathmandu", "America/St_Johns"})
  void jsonRecordsCarryTheLocalTimeOfTheDefaultZone(String zone) {
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    String before = LocalDateTime.now().format(STAMP);
    String record = LogLine.json(Level.INFO, "x", "hello");
    String after = LocalDateTime.now().format(STAMP);

    Matcher m = JSON_STAMP.matcher(record);
    assertThat(m.find()).as(record).isTrue();
    assertThat(m.group(1)).isBetween(before, after);
  }

  @Test
  void theStampFollowsTheClockFromOneSecondToTheNext() throws InterruptedException {
    String first = LogLine.stamp();
    String next = first;
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (next.equals(first) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      next = LogLine.stamp();
    }
    String now = LocalDateTime.now().format(STAMP);

    assertThat(next).isGreaterThan(first).isLessThanOrEqualTo(now);
  }
}
