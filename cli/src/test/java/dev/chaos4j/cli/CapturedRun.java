package dev.chaos4j.cli;

import dev.chaos4j.core.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the {@code chaos} command, with what it printed on standard output and
 * standard error.
 */
public record CapturedRun(int exitCode, String out, String err) {

  /** Runs {@code chaos ARGS}, capturing both streams; the streams are restored afterwards. */
  public static CapturedRun chaos(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      code = Main.run(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
      Log.clearSinks();
    }
    return new CapturedRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
