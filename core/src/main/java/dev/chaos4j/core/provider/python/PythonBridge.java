package dev.chaos4j.core.provider.python;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.extension.Parameter;
import dev.chaos4j.core.provider.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs Python functions in a real Python interpreter: one long-lived {@code python3} child process,
 * started on first need and reused by every later request, speaking JSON lines with a small script
 * shipped with chaos4j.
 *
 * <ul>
 *   <li>{@link #inspect} tells whether Python can import a module and what the signature of one of
 *       its functions is; answers are cached per module and function.
 *   <li>{@link #call} runs {@code module.func(**arguments)} with the reference's injection of
 *       {@code configuration} and {@code secrets}; calls may overlap (each runs in its own Python
 *       thread, as the reference's background activities do).
 *   <li>{@link #callControl} runs a control module's hook and reports what it changed.
 * </ul>
 *
 * <p>Return values JSON cannot hold are converted: tuples and sets become lists, mapping keys
 * strings, bytes UTF-8 text, dates and times ISO-8601 strings, {@code Decimal}, {@code UUID} and
 * paths their {@code str()}, enums their value, anything else its {@code repr()}. What a function
 * prints goes to this process's standard error, never into the protocol; records of the reference's
 * {@code chaostoolkit} logger go to chaos4j's log.
 *
 * <p>Interrupting a thread that waits for Python kills the interpreter and everything it started (a
 * new one starts on the next request); an interpreter that crashes fails the waiting activities
 * with a message saying so. Closing stops the interpreter for good.
 */
public final class PythonBridge implements AutoCloseable {
  /** The interpreter used when none is named. */
  public static final String DEFAULT_EXECUTABLE = "python3";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** Importing a module can be slow (large packages), but never this slow. */
  private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(60);

  private final String executable;
  private final Consumer<String> stderrSink;
  private final Map<String, Inspection> inspections = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private BridgeProcess process;
  private boolean closed;

  /** A bridge to {@code python3} found on {@code PATH}. */
  public PythonBridge() {
    this(DEFAULT_EXECUTABLE);
  }

  /** A bridge to this interpreter (a name looked up on {@code PATH}, or a path). */
  public PythonBridge(String executable) {
    this(executable, System.err::println);
  }

  /** A bridge whose interpreter's standard error lines go to {@code stderrSink}. */
  PythonBridge(String executable, Consumer<String> stderrSink) {
    this.executable = executable;
    this.stderrSink = stderrSink;
  }

  /** The interpreter's name as given, for messages. */
  public String executable() {
    return executable;
  }

  /**
   * What Python says about {@code module.function}; cached, so each pair is asked once.
   *
   * @throws PythonUnavailable when the interpreter cannot be started or does not answer
   * @throws InterruptExecution when the thread is interrupted while waiting
   */
  public Inspection inspect(String module, String function, ProviderContext context) {
    String key = module + '\u0000' + function;
    Inspection known = inspections.get(key);
    if (known != null) {
      return known;
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", "inspect");
    request.put("module", module);
    request.put("func", function);
    Map<String, Object> answer =
        request(request, context, INSPECT_TIMEOUT, "inspecting " + module + "." + function);
    if (!Boolean.TRUE.equals(answer.get("ok"))) {
      throw new PythonUnavailable(
          executable + " could not inspect " + module + "." + function + ": " + answer.get("error"),
          false,
          null);
    }
    Inspection inspection = inspection(answer.get("result"));
    inspections.put(key, inspection);
    return inspection;
  }

  /**
   * Calls {@code module.function(**arguments)}, adding {@code configuration} (always) and {@code
   * secrets} (when not null) if the function declares them, in the context's working directory.
   *
   * @param arguments the activity's arguments, already substituted
   * @param configuration the run's configuration
   * @param secrets the merged secrets of the activity's scopes, or null when it names none
   * @return the function's return value as a JSON value
   * @throws ActivityFailed {@code <ExcType>: <message>} when the function raises (the cause is a
   *     {@link PythonException} with the traceback), or a message saying why Python could not run
   *     it
   * @throws InterruptExecution when the thread is interrupted: the interpreter is killed
   */
  public Object call(
      String module,
      String function,
      Map<String, Object> arguments,
      Map<String, Object> configuration,
      Map<String, Object> secrets,
      ProviderContext context) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", "call");
    request.put("module", module);
    request.put("func", function);
    request.put("arguments", arguments);
    request.put("configuration", configuration == null ? Map.of() : configuration);
    request.put("secrets", secrets);
    if (context.workingDirectory() != null) {
      request.put("cwd", context.workingDirectory().toAbsolutePath().toString());
    }
    Map<String, Object> answer;
    try {
      answer = request(request, context, null, "running " + module + "." + function);
    } catch (PythonUnavailable e) {
      throw new ActivityFailed(
          "cannot run Python function " + module + "." + function + ": " + e.getMessage(), e);
    }
    if (Boolean.TRUE.equals(answer.get("ok"))) {
      return answer.get("result");
    }
    String error = String.valueOf(answer.get("error"));
    List<String> traceback = new ArrayList<>();
    if (answer.get("traceback") instanceof List<?> lines) {
      lines.forEach(line -> traceback.add(String.valueOf(line)));
    }
    throw new ActivityFailed(error, new PythonException(error, traceback));
  }

  /**
   * Calls a control function, {@code module.function(*positional, **keywords)}, in the context's
   * working directory, and tells which of its mutable arguments it changed.
   *
   * @param aliases keyword names to set, in Python, to the object of another keyword (so that
   *     {@code context} and {@code experiment} are one object when they are one in the run)
   * @param watched keyword names (or aliases) whose values the function may change
   * @return the new value of each watched argument the function changed
   * @throws InterruptExecution when the function raised an exception of a class named {@code
   *     InterruptExecution} (the reference's way for a control to stop the run), or when the thread
   *     is interrupted (the interpreter is then killed)
   * @throws ChaosException {@code <ExcType>: <message>} when the function raised anything else (the
   *     cause is a {@link PythonException} with the traceback)
   * @throws PythonUnavailable when Python could not run it
   */
  public Map<String, Object> callControl(
      String module,
      String function,
      List<Object> positional,
      Map<String, Object> keywords,
      Map<String, String> aliases,
      Collection<String> watched,
      ProviderContext context) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", "control");
    request.put("module", module);
    request.put("func", function);
    request.put("args", positional);
    request.put("kwargs", keywords);
    request.put("aliases", aliases);
    request.put("watch", List.copyOf(watched));
    if (context.workingDirectory() != null) {
      request.put("cwd", context.workingDirectory().toAbsolutePath().toString());
    }
    Map<String, Object> answer =
        request(request, context, null, "running control " + module + "." + function);
    if (Boolean.TRUE.equals(answer.get("ok"))) {
      return answer.get("result") instanceof Map<?, ?> result
              && result.get("changed") instanceof Map<?, ?> changed
          ? castMap(changed)
          : Map.of();
    }
    String error = String.valueOf(answer.get("error"));
    if (Boolean.TRUE.equals(answer.get("interrupt"))) {
      throw new InterruptExecution(String.valueOf(answer.get("message")));
    }
    List<String> traceback = new ArrayList<>();
    if (answer.get("traceback") instanceof List<?> lines) {
      lines.forEach(line -> traceback.add(String.valueOf(line)));
    }
    throw new ChaosException(error, new PythonException(error, traceback));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** Stops the interpreter; later requests fail. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (process != null) {
        process.close();
        process = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** The running interpreter, if any (tests check that interruption leaves none behind). */
  Optional<ProcessHandle> processHandle() {
    lock.lock();
    try {
      return process == null ? Optional.empty() : Optional.of(process.handle());
    } finally {
      lock.unlock();
    }
  }

  private Map<String, Object> request(
      Map<String, Object> request, ProviderContext context, Duration timeout, String what) {
    BridgeProcess running = running(context);
    try {
      return running.request(request, timeout);
    } catch (InterruptedException e) {
      running.kill("interrupted");
      Thread.currentThread().interrupt();
      throw new InterruptExecution("interrupted while " + what + " in " + executable);
    }
  }

  /** The interpreter for this context: the running one, or a new one. */
  private BridgeProcess running(ProviderContext context) {
    Map<String, String> environment =
        context.environment() == null ? System.getenv() : context.environment();
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptExecution("interrupted while waiting for " + executable);
    }
    try {
      if (closed) {
        throw new PythonUnavailable("the Python bridge is closed", false, null);
      }
      if (process != null && process.alive()) {
        if (sameEnvironment(process.environment(), environment)) {
          return process;
        }
        // the environment changed (another run, new --var-file): Python must see the new one
        process.close();
      }
      process = null;
      Path directory = context.workingDirectory();
      process =
          BridgeProcess.start(
              executable, directory, Map.copyOf(environment), stderrSink, START_TIMEOUT);
      return process;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptExecution("interrupted while starting " + executable);
    } finally {
      lock.unlock();
    }
  }

  private static boolean sameEnvironment(Map<String, String> started, Map<String, String> now) {
    return started == now || started.equals(now);
  }

  private static Inspection inspection(Object result) {
    Map<?, ?> fields = result instanceof Map<?, ?> m ? m : Map.of();
    String error = fields.get("error") == null ? null : String.valueOf(fields.get("error"));
    String status = String.valueOf(fields.get("status"));
    return switch (status) {
      case "missing" -> new Inspection(Inspection.Status.MISSING, error, List.of());
      case "broken" -> new Inspection(Inspection.Status.BROKEN, error, List.of());
      case "not-a-function" -> new Inspection(Inspection.Status.NOT_A_FUNCTION, null, List.of());
      case "no-signature" -> new Inspection(Inspection.Status.NO_SIGNATURE, error, List.of());
      case "function" -> new Inspection(Inspection.Status.FUNCTION, null, parameters(fields));
      default -> throw new IllegalStateException("unknown inspection status " + status);
    };
  }

  private static List<Parameter> parameters(Map<?, ?> fields) {
    List<Parameter> parameters = new ArrayList<>();
    if (fields.get("parameters") instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> p = (Map<?, ?>) item;
        parameters.add(
            new Parameter(
                String.valueOf(p.get("name")),
                Parameter.Kind.valueOf(String.valueOf(p.get("kind"))),
                Boolean.TRUE.equals(p.get("required"))));
      }
    }
    return parameters;
  }
}
