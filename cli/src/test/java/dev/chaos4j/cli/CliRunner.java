package dev.chaos4j.cli;

import dev.chaos4j.core.log.Log;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the {@code chaos} command in-process with piped standard input and captured standard output
 * and error, recording the flow events the commands emit.
 */
public final class CliRunner {
  /** What one run produced. */
  public record Result(int exitCode, String out, String err, List<String> events) {}

  private CliRunner() {}

  /** Runs {@code chaos ARGS} with empty standard input. */
  public static Result chaos(String... args) {
    return run("", args);
  }

  /** Runs {@code chaos ARGS} with the given standard input. */
  public static Result run(String stdin, String... args) {
    return run(true, stdin, args);
  }

  /**
   * Runs {@code chaos ARGS} with empty standard input, its flow events going to the notification
   * channels of the settings file rather than recorded.
   */
  public static Result notifying(String... args) {
    return run(false, "", args);
  }

  private static Result run(boolean record, String stdin, String... args) {
    List<String> events = new ArrayList<>();
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      // built after the swap: picocli binds its usage-error writer to the System.err of that time
      CommandLine cl = Main.commandLine();
      if (record) {
        FlowEvents recorder = (event, payload, error) -> events.add(event);
        for (String command : List.of("run", "validate", "discover", "init")) {
          ((CommandBase) cl.getSubcommands().get(command).getCommand()).events = recorder;
        }
      }
      int code = cl.execute(args);
      return new Result(
          code,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8),
          events);
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
      Log.clearSinks();
    }
  }
}
