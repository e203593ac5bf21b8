package dev.chaos4j.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/** The options given before the sub-command, spelled as the reference spells them. */
public final class GlobalOptions {

  @Option(names = "--verbose", description = "Show debug messages and stack traces on the console.")
  boolean verbose;

  @Option(
      names = "--no-version-check",
      description = "Accepted for compatibility; chaos4j never checks for a newer version.")
  boolean noVersionCheck;

  @Option(
      names = "--change-dir",
      paramLabel = "DIR",
      description = "Change directory before running the command.")
  Path changeDir;

  @Option(names = "--no-log-file", description = "Disable logging to file entirely.")
  boolean noLogFile;

  @Option(
      names = "--log-file",
      paramLabel = "PATH",
      defaultValue = "chaostoolkit.log",
      description = "File path where to write the command's log (default: ${DEFAULT-VALUE}).")
  String logFile;

  @Option(
      names = "--log-file-level",
      paramLabel = "LEVEL",
      defaultValue = "debug",
      description =
          "Level of the log file: debug, info, warning, error (default: ${DEFAULT-VALUE}).")
  LogFileLevel logFileLevel;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "string",
      description = "Console log format: string or json (default: ${DEFAULT-VALUE}).")
  LogFormat logFormat;

  @Option(
      names = "--settings",
      paramLabel = "PATH",
      description = "Path to the settings file (default: ~/.chaostoolkit/settings.yaml).")
  Path settings;

  /** Levels accepted by {@code --log-file-level}. */
  public enum LogFileLevel {
    debug,
    info,
    warning,
    error
  }

  /** Formats accepted by {@code --log-format}. */
  public enum LogFormat {
    string,
    json
  }

  public boolean verbose() {
    return verbose;
  }

  /** The directory commands work in: {@code --change-dir} or the current directory. */
  public Path workingDirectory() {
    Path cwd = Paths.get("").toAbsolutePath();
    return changeDir == null ? cwd : cwd.resolve(changeDir).normalize();
  }

  /** The settings file to read and write. */
  public Path settingsPath() {
    if (settings != null) {
      return workingDirectory().resolve(settings);
    }
    return Paths.get(System.getProperty("user.home"), ".chaostoolkit", "settings.yaml");
  }

  /** Resolves a user-given path against the working directory. */
  public Path resolve(String path) {
    return workingDirectory().resolve(expandHome(path));
  }

  /** Expands a leading {@code ~} to the user's home, as the reference does for paths. */
  public static String expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  public boolean logToFile() {
    return !noLogFile;
  }

  public String logFile() {
    return logFile;
  }

  public LogFileLevel logFileLevel() {
    return logFileLevel;
  }

  public LogFormat logFormat() {
    return logFormat;
  }
}
