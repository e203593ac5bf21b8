package dev.chaos4j.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code chaos.jar} as a real child process in a directory. */
final class ChaosProcess {
  private ChaosProcess() {}

  /** The outcome of one command. */
  record Result(int exitCode, String stdout, String stderr) {}

  static Path jar() {
    String jar = System.getProperty("chaos4j.jar");
    if (jar == null) {
      throw new IllegalStateException("system property chaos4j.jar is not set (run with failsafe)");
    }
    return Path.of(jar);
  }

  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.add("--no-log-file");
    cmd.addAll(List.of(args));
    return cmd;
  }

  static Process start(Path dir, String... args) throws IOException {
    return start(dir, Map.of(), args);
  }

  /** Starts chaos with these environment variables added to the test's. */
  static Process start(Path dir, Map<String, String> environment, String... args)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile());
    pb.environment().put("HOME", dir.toString());
    pb.environment().putAll(environment);
    pb.redirectOutput(dir.resolve("stdout.txt").toFile());
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    return pb.start();
  }

  static Result run(Path dir, String... args) throws Exception {
    return run(dir, Map.of(), args);
  }

  /** Runs chaos with these environment variables added to the test's. */
  static Result run(Path dir, Map<String, String> environment, String... args) throws Exception {
    Process p = start(dir, environment, args);
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chaos did not finish within 60 s: " + String.join(" ", args));
    }
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }
}
