package dev.chaos4j.core.provider.process;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the program of a process activity as the reference does ({@code shutil.which} after {@code
 * ~} expansion): a path containing {@code /} is taken as is (relative to the working directory), a
 * bare name is looked up in the run's {@code PATH}.
 */
final class Executables {
  /** Python's {@code os.defpath}, used when the environment has no {@code PATH}. */
  private static final String DEFAULT_PATH = "/bin:/usr/bin";

  private Executables() {}

  /** What looking a program up found. */
  enum Outcome {
    FOUND,
    NOT_FOUND,
    /** An explicit path names a file that cannot be executed. */
    NOT_EXECUTABLE
  }

  /** The outcome of a lookup and, when found, the program's absolute path. */
  record Lookup(Outcome outcome, Path path) {}

  /**
   * Looks a program up.
   *
   * @param path the activity's {@code path}
   * @param workingDirectory what relative paths are resolved against
   * @param environment the run's environment ({@code HOME}, {@code PATH})
   */
  static Lookup find(String path, Path workingDirectory, Map<String, String> environment) {
    String expanded = expandHome(path, environment);
    try {
      if (expanded.indexOf('/') >= 0) {
        Path candidate = workingDirectory.resolve(expanded).toAbsolutePath();
        if (isExecutableFile(candidate)) {
          return new Lookup(Outcome.FOUND, candidate);
        }
        boolean exists = Files.isRegularFile(candidate);
        return new Lookup(exists ? Outcome.NOT_EXECUTABLE : Outcome.NOT_FOUND, null);
      }
      String searchPath = environment.getOrDefault("PATH", DEFAULT_PATH);
      for (String dir : searchPath.split(":", -1)) {
        Path candidate = workingDirectory.resolve(dir).resolve(expanded).toAbsolutePath();
        if (isExecutableFile(candidate)) {
          return new Lookup(Outcome.FOUND, candidate);
        }
      }
    } catch (InvalidPathException e) {
      // a name the file system cannot hold cannot be found either
    }
    return new Lookup(Outcome.NOT_FOUND, null);
  }

  /** {@code ~} and {@code ~/...} become the home directory ({@code HOME}, as Python reads it). */
  static String expandHome(String path, Map<String, String> environment) {
    if (!path.equals("~") && !path.startsWith("~/")) {
      return path;
    }
    String home = environment.get("HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    return home + path.substring(1);
  }

  private static boolean isExecutableFile(Path candidate) {
    return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
  }
}
