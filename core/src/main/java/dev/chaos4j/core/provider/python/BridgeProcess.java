package dev.chaos4j.core.provider.python;

import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One running {@code python3} child executing {@code bridge.py}: sends requests, matches answers to
 * them by id (calls may overlap), forwards the Python log records and standard error.
 */
final class BridgeProcess {
  private static final Log LOG = Log.of(PythonBridge.class);

  /**
   * Reads the bridge script as one JSON line from standard input and runs it. The empty entry
   * Python puts first on {@code sys.path} for {@code -c} (the working directory) is dropped before
   * anything is imported: the reference does not import from there either, and a file such as
   * {@code json.py} in the experiment's directory must not replace a standard module.
   */
  private static final String BOOTSTRAP =
      "import sys;sys.path[:1]=[p for p in sys.path[:1] if p];import json;"
          + "exec(compile(json.loads(sys.stdin.readline()),'<chaos4j-bridge>','exec'))";

  private static final String SCRIPT_RESOURCE = "bridge.py";
  private static final int STDERR_TAIL_LINES = 4;
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

  private final String executable;
  private final Process process;
  private final Map<String, String> environment;
  private final OutputStream requests;
  private final Map<Long, CompletableFuture<Map<String, Object>>> pending =
      new ConcurrentHashMap<>();
  private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
  private final AtomicLong ids = new AtomicLong();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final Thread stderrPump;

  /** Why this process can no longer answer; null while it can. */
  private volatile PythonUnavailable death;

  /** Set before we stop the process ourselves, so that its end is not reported as a crash. */
  private volatile String stopReason;

  private BridgeProcess(
      String executable,
      Process process,
      Map<String, String> environment,
      Consumer<String> stderrSink) {
    this.executable = executable;
    this.process = process;
    this.environment = environment;
    this.requests = process.getOutputStream();
    this.stderrPump =
        daemon("chaos4j-python-stderr-" + process.pid(), () -> pumpStderr(stderrSink));
    daemon("chaos4j-python-answers-" + process.pid(), this::readAnswers);
  }

  /**
   * Starts {@code executable} in {@code directory} with exactly {@code environment}, hands it the
   * script and waits until it says it is ready.
   *
   * @throws PythonUnavailable when it cannot be started or does not get ready within {@code
   *     startTimeout}
   */
  static BridgeProcess start(
      String executable,
      Path directory,
      Map<String, String> environment,
      Consumer<String> stderrSink,
      Duration startTimeout)
      throws InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(executable, "-c", BOOTSTRAP);
    if (directory != null && Files.isDirectory(directory)) {
      builder.directory(directory.toFile());
    }
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      boolean missing = String.valueOf(e.getMessage()).contains("error=2,");
      throw new PythonUnavailable(
          missing
              ? "no " + executable + " interpreter was found on PATH"
              : "cannot start " + executable + ": " + e.getMessage(),
          missing,
          e);
    }
    BridgeProcess bridge = new BridgeProcess(executable, process, environment, stderrSink);
    try {
      bridge.write(script());
      Map<String, Object> hello = bridge.await(bridge.ready, startTimeout, "ready signal");
      LOG.debug(
          "Python bridge started: "
              + executable
              + " "
              + hello.get("python")
              + ", process "
              + process.pid());
      return bridge;
    } catch (InterruptedException | RuntimeException e) {
      bridge.kill("start-up abandoned");
      throw e;
    }
  }

  /** The environment the process was started with. */
  Map<String, String> environment() {
    return environment;
  }

  /** The operating system's view of the process. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Whether it can still answer. */
  boolean alive() {
    return death == null && process.isAlive();
  }

  /**
   * Sends one request and waits for its answer.
   *
   * @param message the request without its id
   * @param timeout how long to wait, or null to wait as long as the function runs
   * @return the answer: {@code {"id", "ok", "result"}} or {@code {"id", "ok", "error",
   *     "traceback"}}
   * @throws PythonUnavailable when the process is gone or does not answer in time (it is then
   *     stopped)
   * @throws InterruptedException when the waiting thread is interrupted (the caller decides what to
   *     stop)
   */
  Map<String, Object> request(Map<String, Object> message, Duration timeout)
      throws InterruptedException {
    long id = ids.incrementAndGet();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", id);
    request.putAll(message);
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      // registered before looking at death: readAnswers() sets death before failing the pending
      PythonUnavailable dead = death;
      if (dead != null) {
        throw copy(dead);
      }
      write(Json.compact(request));
      return await(answer, timeout, "answer");
    } finally {
      pending.remove(id);
    }
  }

  /** Stops the process and everything it started, now; returns once it has exited. */
  void kill(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    List<ProcessHandle> descendants = new ArrayList<>();
    process.descendants().forEach(descendants::add);
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    awaitExit();
  }

  /** Lets the process end on its own (end of input), or stops it if it does not in time. */
  void close() {
    if (stopReason == null) {
      stopReason = "closed";
    }
    try {
      requests.close();
    } catch (IOException e) {
      // already gone: nothing to ask it any more
    }
    if (!awaitExit()) {
      kill("closed");
    }
  }

  private Map<String, Object> await(
      CompletableFuture<Map<String, Object>> answer, Duration timeout, String what)
      throws InterruptedException {
    try {
      return timeout == null ? answer.get() : answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof PythonUnavailable p ? copy(p) : new IllegalStateException(e);
    } catch (TimeoutException e) {
      kill("no " + what + " in time");
      throw new PythonUnavailable(
          executable + " gave no " + what + " within " + timeout.toSeconds() + " s", false, null);
    }
  }

  private synchronized void write(String line) {
    byte[] bytes = (asciiOnly(line) + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      requests.write(bytes);
      requests.flush();
    } catch (IOException e) {
      kill("its input is closed");
      PythonUnavailable dead = death;
      throw dead != null
          ? copy(dead)
          : new PythonUnavailable(executable + " stopped reading: " + e.getMessage(), false, e);
    }
  }

  private void readAnswers() {
    try (BufferedReader answers =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = answers.readLine()) != null) {
        dispatch(line);
      }
    } catch (IOException | UncheckedIOException e) {
      // the pipe broke: the process is gone, reported below
    }
    ended();
  }

  @SuppressWarnings("unchecked")
  private void dispatch(String line) {
    Object parsed;
    try {
      parsed = Json.parse(line);
    } catch (Json.SyntaxError e) {
      LOG.warning("Python bridge sent a line that is not JSON: " + line);
      return;
    }
    if (!(parsed instanceof Map<?, ?>)) {
      LOG.warning("Python bridge sent an unexpected line: " + line);
      return;
    }
    Map<String, Object> message = (Map<String, Object>) parsed;
    if (message.containsKey("ready")) {
      ready.complete(message);
    } else if (message.containsKey("log")) {
      LOG.log(level(message.get("log")), String.valueOf(message.get("message")), null);
    } else if (message.get("id") instanceof Number id) {
      CompletableFuture<Map<String, Object>> answer = pending.remove(id.longValue());
      if (answer != null) {
        answer.complete(message);
      }
    } else {
      LOG.warning("Python bridge reported: " + message.get("error"));
    }
  }

  /** The answers stream ended: the process is gone; every waiting request learns why. */
  private void ended() {
    awaitExit();
    try {
      stderrPump.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String reason = stopReason;
    String message;
    if (reason != null) {
      message = executable + " was stopped (" + reason + ")";
    } else {
      String code = process.isAlive() ? "still running" : "exit code " + process.exitValue();
      String tail = stderrTail();
      message =
          executable + " exited unexpectedly (" + code + ")" + (tail.isEmpty() ? "" : ": " + tail);
    }
    PythonUnavailable dead = new PythonUnavailable(message, false, null);
    death = dead;
    ready.completeExceptionally(dead);
    for (Long id : List.copyOf(pending.keySet())) {
      CompletableFuture<Map<String, Object>> answer = pending.remove(id);
      if (answer != null) {
        answer.completeExceptionally(dead);
      }
    }
  }

  private void pumpStderr(Consumer<String> sink) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        sink.accept(line);
        if (!line.isBlank()) {
          synchronized (stderrTail) {
            if (stderrTail.size() == STDERR_TAIL_LINES) {
              stderrTail.removeFirst();
            }
            stderrTail.addLast(line.strip());
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the process is gone
    }
  }

  private String stderrTail() {
    synchronized (stderrTail) {
      return String.join(" / ", stderrTail);
    }
  }

  /** Waits a bounded time for the process to exit, even in an interrupted thread. */
  private boolean awaitExit() {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
    try {
      while (true) {
        try {
          return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private PythonUnavailable copy(PythonUnavailable original) {
    return new PythonUnavailable(original.getMessage(), original.interpreterMissing(), original);
  }

  private static Level level(Object name) {
    try {
      return Level.valueOf(String.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Level.INFO;
    }
  }

  /** JSON with every non-ASCII character escaped, so no encoding question arises on the pipe. */
  private static String asciiOnly(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c > 0x7e) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }

  private static String script() {
    try (InputStream in = BridgeProcess.class.getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("chaos4j is missing its resource " + SCRIPT_RESOURCE);
      }
      return Json.compact(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
