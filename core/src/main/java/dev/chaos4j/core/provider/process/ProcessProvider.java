package dev.chaos4j.core.provider.process;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.Provider;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.value.Py;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code "type": "process"} activities: one local program, whose output is {@code {"status":
 * exit code, "stdout": text, "stderr": text}}.
 *
 * <p>Provider keys: {@code path} (the program, found like {@code which} after {@code ~} expansion,
 * where a program found in {@code PATH} is remembered by this provider while it stays executable;
 * never substituted), {@code arguments} (a list, a deprecated mapping, or a string run through
 * {@code /bin/sh}; substituted when the run has configuration or secrets) and {@code timeout}
 * (seconds). The child runs in the run's working directory with the run's environment, inherits
 * standard input, and has both output streams captured and decoded as UTF-8 (undecodable bytes
 * become U+FFFD, with a warning).
 *
 * <p>A non-zero exit code is an output, not a failure; it is only warned about when the activity
 * has no tolerance. When the timeout expires, or the thread is interrupted, the child and every
 * process it started are killed.
 */
public final class ProcessProvider implements Provider {
  /** Bytes of each output stream kept by default; the rest is dropped with a warning. */
  public static final int DEFAULT_CAPTURE_LIMIT = 32 * 1024 * 1024;

  private static final Log LOG = Log.of(ProcessProvider.class);

  /** This process's directory, where children start unless told otherwise. */
  private static final Path CURRENT_DIRECTORY = Path.of("").toAbsolutePath();

  private static final String EXIT_WARNING =
      "This process returned a non-zero exit code. This may indicate some error and not what you"
          + " expected. Please have a look at the logs.";
  private static final String MAPPING_DEPRECATED =
      "Process arguments should now be a list to keep the ordering of the arguments. Dictionary"
          + " arguments are deprecated for process activities.";

  private final int captureLimit;
  private final AtomicBoolean mappingWarned = new AtomicBoolean();
  private final ProgramLocator programs = new ProgramLocator();

  /** A provider keeping {@link #DEFAULT_CAPTURE_LIMIT} bytes of each output stream. */
  public ProcessProvider() {
    this(DEFAULT_CAPTURE_LIMIT);
  }

  /** A provider keeping at most {@code captureLimit} bytes of each output stream. */
  public ProcessProvider(int captureLimit) {
    if (captureLimit < 0) {
      throw new IllegalArgumentException("captureLimit must be >= 0, got " + captureLimit);
    }
    this.captureLimit = captureLimit;
  }

  @Override
  public String type() {
    return "process";
  }

  /**
   * Checks the path with the reference's messages. Also logs, once per provider (the reference
   * warns once per experiment), that mapping arguments are deprecated.
   */
  @Override
  public void validate(Map<String, Object> activity, ProviderContext context) {
    Map<?, ?> provider = provider(activity);
    String name = Py.str(activity.get("name"));
    Object path = provider.get("path");
    if (!Py.truthy(path)) {
      throw new InvalidActivity("a process activity must have a path");
    }
    if (!(path instanceof String raw)) {
      throw new InvalidActivity(
          "path " + Py.repr(path) + " must be a string, in activity '" + name + "'");
    }
    Executables.Lookup lookup = find(raw, context);
    switch (lookup.outcome()) {
      case NOT_FOUND ->
          throw new InvalidActivity(
              "path '" + raw + "' cannot be found, in activity '" + name + "'");
      case NOT_EXECUTABLE ->
          throw new InvalidActivity(
              "no access permission to '" + raw + "', in activity '" + name + "'");
      case FOUND -> {
        // valid
      }
    }
    if (provider.get("arguments") instanceof Map && mappingWarned.compareAndSet(false, true)) {
      LOG.warning(MAPPING_DEPRECATED);
    }
  }

  /**
   * Runs the program and returns its exit code and output.
   *
   * @throws dev.chaos4j.core.ActivityFailed {@code process activity took too long to complete}
   * @throws ChaosException when the program cannot be found or started, or a field is unusable: the
   *     reference crashes there, which aborts the run
   * @throws dev.chaos4j.core.InterruptExecution when the thread is interrupted
   */
  @Override
  public Object run(Map<String, Object> activity, ProviderContext context) {
    Map<?, ?> provider = provider(activity);
    String name = Py.str(activity.get("name"));
    Object path = provider.get("path");
    Path program = path instanceof String raw ? find(raw, context).path() : null;
    if (program == null) {
      throw new ChaosException(
          "path '" + Py.str(path) + "' cannot be found, in activity '" + name + "'");
    }
    List<String> command;
    Duration timeout;
    try {
      command = ProcessArguments.command(program, arguments(provider, context));
      timeout = timeout(provider.get("timeout"));
    } catch (ChaosException e) {
      throw new ChaosException("process activity '" + name + "': " + e.getMessage(), e);
    }
    if (LOG.enabled(Level.DEBUG)) {
      LOG.debug("Running: " + Py.repr(command));
    }

    ProcessBuilder builder = new ProcessBuilder(command);
    Path directory = directory(context);
    if (!directory.equals(CURRENT_DIRECTORY)) {
      // the child starts in this process's directory anyway, and a chdir per child costs ~0.05 ms
      builder.directory(directory.toFile());
    }
    Map<String, String> environment = context.environment();
    if (environment != null && environment != System.getenv()) {
      Map<String, String> childEnvironment = builder.environment();
      childEnvironment.clear();
      childEnvironment.putAll(environment);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptExecution("interrupted before running " + program);
    }
    ChildProcess.Completed completed =
        ChildProcess.run(builder, program.toString(), timeout, captureLimit);

    if (completed.truncated()) {
      LOG.warning(
          "process activity '"
              + name
              + "' wrote more than "
              + captureLimit
              + " bytes on one of its streams; only the first ones are kept");
    }
    if (!activity.containsKey("tolerance") && completed.status() > 0) {
      LOG.warning(EXIT_WARNING);
    }
    Map<String, Object> output = new LinkedHashMap<>(4);
    output.put("status", completed.status());
    output.put("stdout", decode(completed.stdout(), "stdout", name));
    output.put("stderr", decode(completed.stderr(), "stderr", name));
    return output;
  }

  private static Object arguments(Map<?, ?> provider, ProviderContext context) {
    Object arguments = provider.get("arguments");
    if (Py.truthy(arguments)
        && (Py.truthy(context.configuration()) || Py.truthy(context.secrets()))) {
      return Substitution.apply(arguments, context.configuration(), context.secrets());
    }
    return arguments;
  }

  /** The timeout in seconds (a number, or a string holding one); null for none. */
  private static Duration timeout(Object value) {
    if (value == null) {
      return null;
    }
    double seconds = Double.NaN;
    if (value instanceof Number n) {
      seconds = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        seconds = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    if (Double.isNaN(seconds)) {
      throw new ChaosException("timeout must be a number of seconds, got " + Py.repr(value));
    }
    // beyond ~30 years a timeout means "no timeout"; the cap keeps the arithmetic in range
    return Duration.ofNanos(Math.round(Math.max(0, Math.min(seconds, 1e9)) * 1e9));
  }

  /** UTF-8; undecodable bytes become U+FFFD rather than failing an activity that did run. */
  private static String decode(byte[] bytes, String stream, String activityName) {
    if (bytes.length == 0) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      LOG.warning(
          "process activity '"
              + activityName
              + "' wrote bytes on its "
              + stream
              + " that are not UTF-8; they are replaced with U+FFFD");
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private Executables.Lookup find(String path, ProviderContext context) {
    Map<String, String> environment =
        context.environment() == null ? System.getenv() : context.environment();
    return programs.find(path, directory(context), environment);
  }

  private static Path directory(ProviderContext context) {
    return context.workingDirectory() == null ? CURRENT_DIRECTORY : context.workingDirectory();
  }

  private static Map<?, ?> provider(Map<String, Object> activity) {
    if (activity.get("provider") instanceof Map<?, ?> provider) {
      return provider;
    }
    throw new ChaosException(
        "activity '" + Py.str(activity.get("name")) + "' has no provider mapping");
  }
}
