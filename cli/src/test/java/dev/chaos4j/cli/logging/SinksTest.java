package dev.chaos4j.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.log.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records reach the console and the log file whole, one line each, in the right encoding. */
class SinksTest {
  @TempDir Path dir;

  @Test
  void theConsoleWritesEachLineInTheStreamsOwnCharset() {
    for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, false, charset), false, false);
      sink.log(Level.INFO, "x", "plain ascii", null);
      sink.log(Level.WARNING, "x", "caf\u00e9 cr\u00e8me", null);
      sink.log(Level.DEBUG, "x", "not shown without --verbose", null);

      List<String> lines = bytes.toString(charset).lines().toList();
      assertThat(lines).as(charset.name()).hasSize(2);
      assertThat(lines.get(0)).endsWith(" INFO] plain ascii");
      assertThat(lines.get(1)).endsWith(" WARNING] caf\u00e9 cr\u00e8me");
    }
  }

  @Test
  void theLogFileIsUtf8AndAppendedToRecordByRecord() throws Exception {
    Path file = dir.resolve("chaostoolkit.log");
    Files.writeString(file, "an earlier run\n");
    try (FileSink sink = new FileSink(file, Level.DEBUG)) {
      sink.log(Level.DEBUG, "x", "first", null);
      sink.log(Level.INFO, "x", "caf\u00e9 \u2713", null);
      // each record is on disk as soon as it is logged, before the sink is closed
      assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("an earlier run");
    assertThat(lines.get(1)).contains("DEBUG").endsWith("first");
    assertThat(lines.get(2)).contains("INFO").endsWith("caf\u00e9 \u2713");
  }
}
