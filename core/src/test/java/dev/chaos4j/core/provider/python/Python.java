package dev.chaos4j.core.provider.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chaos4j.core.provider.ProviderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real python3 of the machine, for tests; they are skipped where there is none. */
final class Python {
  private static final boolean AVAILABLE = probe();

  /** A module of test functions, written to the module directory by {@link #contextWithModules}. */
  static final String FIXTURE_MODULE = "chaos4j_fixture";

  private static final String FIXTURE_SOURCE =
      """
      import datetime, decimal, logging, os, random, subprocess, sys, time, uuid

      def add(a, b=2):
          return a + b

      class Thing:
          def __repr__(self):
              return "<Thing>"

      def shapes():
          return {
              "tuple": (1, 2),
              "set": {3, 1, 2},
              "bytes": b"caf\\xc3\\xa9",
              "date": datetime.date(2024, 5, 1),
              "decimal": decimal.Decimal("1.10"),
              "uuid": uuid.UUID(int=1),
              1: "int key",
              None: "None key",
              "object": Thing(),
              "big": 2 ** 70,
              "text": "h\\u00e9llo \\u2603",
          }

      def echo(value):
          return value

      def fail(message):
          raise ValueError(message)

      def chatty():
          print("printed on stdout")
          sys.stdout.flush()
          os.system("echo printed by a child process")
          return "protocol intact"

      def context(configuration, secrets=None):
          return {"configuration": configuration, "secrets": secrets}

      def nap(seconds, marker):
          open(marker, "w").close()
          time.sleep(seconds)
          return "woke up"

      def nap_in_child(marker):
          child = subprocess.Popen(["sleep", "120"])
          with open(marker + ".tmp", "w") as f:
              f.write(str(child.pid))
          os.rename(marker + ".tmp", marker)
          child.wait()
          return "child ended"

      def wait_for(path, limit=60):
          end = time.time() + limit
          while not os.path.exists(path) and time.time() < end:
              time.sleep(0.01)
          return "released" if os.path.exists(path) else "gave up"

      def die(code, message):
          sys.stderr.write(message + "\\n")
          sys.stderr.flush()
          os._exit(code)

      def log(message):
          logging.getLogger("chaostoolkit").warning(message)
          return True

      def cwd():
          return os.getcwd()

      not_a_function = 42
      bound_method = random.Random().choice
      """;

  private Python() {}

  /** Skips the calling test when python3 cannot be run. */
  static void assumeAvailable() {
    assumeTrue(AVAILABLE, "python3 is not installed");
  }

  /**
   * A context whose working directory is {@code work} and whose Python finds the fixture module
   * (and any other module written to {@code modules}).
   */
  static ProviderContext contextWithModules(
      Path modules, Path work, Map<String, Object> configuration, Map<String, Object> secrets) {
    write(modules, FIXTURE_MODULE, FIXTURE_SOURCE);
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("PYTHONPATH", modules.toString());
    environment.put("PYTHONDONTWRITEBYTECODE", "1");
    return new ProviderContext(configuration, secrets, work, environment);
  }

  /** Writes {@code name.py}. */
  static void write(Path modules, String name, String source) {
    try {
      Files.writeString(modules.resolve(name + ".py"), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
