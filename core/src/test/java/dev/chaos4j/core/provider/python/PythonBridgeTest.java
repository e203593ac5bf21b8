package dev.chaos4j.core.provider.python;

import static dev.chaos4j.core.provider.python.Python.FIXTURE_MODULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.extension.Parameter;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonBridgeTest {
  @TempDir Path modules;
  @TempDir Path work;

  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private PythonBridge bridge;
  private ProviderContext context;

  @BeforeEach
  void startBridge() {
    Python.assumeAvailable();
    bridge = new PythonBridge(PythonBridge.DEFAULT_EXECUTABLE, stderr::add);
    context = Python.contextWithModules(modules, work, Map.of(), Map.of());
  }

  @AfterEach
  void closeBridge() {
    if (bridge != null) {
      bridge.close();
    }
  }

  @Test
  void callsAFunctionWithKeywordArgumentsAndItsDefaults() {
    assertThat(call("add", Map.of("a", 1))).isEqualTo(3);
    assertThat(call("add", Map.of("a", 1, "b", 40))).isEqualTo(41);
  }

  @Test
  void runsStandardLibraryFunctionsOfTheConformanceDocuments() throws Exception {
    Files.writeString(work.resolve("svc.ini"), "x");

    assertThat(bridge.call("os.path", "exists", Map.of("path", "svc.ini"), Map.of(), null, context))
        .isEqualTo(true);
    bridge.call(
        "os", "rename", Map.of("src", "svc.ini", "dst", "svc-old.ini"), Map.of(), null, context);
    assertThat(work.resolve("svc-old.ini")).exists();
    assertThat(
            bridge.call(
                "string", "capwords", Map.of("s", "hello chaos world"), Map.of(), null, context))
        .isEqualTo("Hello Chaos World");
  }

  @Test
  void convertsReturnValuesJsonCannotHold() {
    @SuppressWarnings("unchecked")
    Map<String, Object> shapes = (Map<String, Object>) call("shapes", Map.of());

    assertThat(shapes)
        .containsEntry("tuple", List.of(1, 2))
        .containsEntry("set", List.of(1, 2, 3))
        .containsEntry("bytes", "café")
        .containsEntry("date", "2024-05-01")
        .containsEntry("decimal", "1.10")
        .containsEntry("uuid", "00000000-0000-0000-0000-000000000001")
        .containsEntry("1", "int key")
        .containsEntry("null", "None key")
        .containsEntry("object", "<Thing>")
        .containsEntry("big", new java.math.BigInteger("1180591620717411303424"))
        .containsEntry("text", "héllo ☃");
  }

  @Test
  void sendsNonAsciiArgumentsIntact() {
    assertThat(call("echo", Map.of("value", "żółć ☃ 😀"))).isEqualTo("żółć ☃ 😀");
  }

  @Test
  void pythonExceptionBecomesActivityFailedWithItsTraceback() {
    assertThatThrownBy(() -> call("fail", Map.of("message", "bad input")))
        .isInstanceOf(ActivityFailed.class)
        .hasMessage("ValueError: bad input")
        .cause()
        .isInstanceOfSatisfying(
            PythonException.class,
            e ->
                assertThat(String.join("", e.traceback()))
                    .contains("chaos4j_fixture.py", "in fail", "ValueError: bad input")
                    .doesNotContain("chaos4j-bridge"));
  }

  @Test
  void whatAFunctionPrintsGoesToStandardErrorNotIntoTheProtocol() {
    assertThat(call("chatty", Map.of())).isEqualTo("protocol intact");
    assertThat(call("add", Map.of("a", 1))).isEqualTo(3);

    awaitTrue(() -> stderr.contains("printed by a child process"));
    assertThat(stderr).contains("printed on stdout", "printed by a child process");
  }

  @Test
  void injectsConfigurationAndSecretsOnlyAsTheReferenceDoes() {
    Map<String, Object> configuration = Map.of("url", "http://localhost");

    assertThat(
            bridge.call(
                FIXTURE_MODULE, "context", Map.of(), configuration, Map.of("k", "v"), context))
        .isEqualTo(Map.of("configuration", configuration, "secrets", Map.of("k", "v")));
    Map<String, Object> noSecrets = new java.util.HashMap<>();
    noSecrets.put("configuration", configuration);
    noSecrets.put("secrets", null);
    assertThat(bridge.call(FIXTURE_MODULE, "context", Map.of(), configuration, null, context))
        .isEqualTo(noSecrets);
  }

  @Test
  void runsFunctionsInTheContextsWorkingDirectory() throws Exception {
    assertThat(Path.of((String) call("cwd", Map.of())).toRealPath()).isEqualTo(work.toRealPath());
  }

  @Test
  void inspectsSignaturesAndCachesTheAnswer() {
    Inspection add = bridge.inspect(FIXTURE_MODULE, "add", context);

    assertThat(add.status()).isEqualTo(Inspection.Status.FUNCTION);
    assertThat(add.parameters())
        .containsExactly(
            new Parameter("a", Parameter.Kind.POSITIONAL_OR_KEYWORD, true),
            new Parameter("b", Parameter.Kind.POSITIONAL_OR_KEYWORD, false));
    assertThat(bridge.inspect(FIXTURE_MODULE, "add", context)).isSameAs(add);
  }

  @Test
  void inspectionTellsMissingModulesBrokenModulesAndNonFunctionsApart() {
    Python.write(modules, "broken_fixture", "import chaos4j_missing_dependency\n");

    assertThat(bridge.inspect("fake.module", "f", context))
        .isEqualTo(
            new Inspection(
                Inspection.Status.MISSING,
                "ModuleNotFoundError: No module named 'fake'",
                List.of()));
    assertThat(bridge.inspect("broken_fixture", "f", context))
        .isEqualTo(
            new Inspection(
                Inspection.Status.BROKEN,
                "ModuleNotFoundError: No module named 'chaos4j_missing_dependency'",
                List.of()));
    assertThat(bridge.inspect(FIXTURE_MODULE, "not_a_function", context).status())
        .isEqualTo(Inspection.Status.NOT_A_FUNCTION);
    assertThat(bridge.inspect(FIXTURE_MODULE, "bound_method", context).status())
        .isEqualTo(Inspection.Status.NOT_A_FUNCTION);
    assertThat(bridge.inspect("time", "sleep", context).status())
        .isEqualTo(Inspection.Status.NO_SIGNATURE);
    assertThat(bridge.inspect("os", "rename", context).status())
        .isEqualTo(Inspection.Status.FUNCTION);
  }

  @Test
  void interruptingALongCallKillsPythonPromptlyAndTheNextCallStartsAFreshOne() throws Exception {
    Path marker = work.resolve("sleeping");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                call("nap", Map.of("seconds", 120, "marker", marker.toString()));
              } catch (Throwable t) {
                thrown.set(t);
              }
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    awaitTrue(() -> Files.exists(marker));
    ProcessHandle python = bridge.processHandle().orElseThrow();

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptExecution.class);
    assertThat(stillInterrupted).isTrue();
    assertThat(python.isAlive()).isFalse();
    assertThat(call("add", Map.of("a", 1))).isEqualTo(3);
    assertThat(bridge.processHandle().orElseThrow().pid()).isNotEqualTo(python.pid());
  }

  @Test
  void interruptionAlsoKillsProcessesThePythonFunctionStarted() throws Exception {
    Path marker = work.resolve("child.pid");
    Thread caller =
        new Thread(
            () -> {
              try {
                call("nap_in_child", Map.of("marker", marker.toString()));
              } catch (InterruptExecution expected) {
                // the point of the test
              }
            });
    caller.start();
    awaitTrue(() -> Files.exists(marker));
    ProcessHandle child =
        ProcessHandle.of(Long.parseLong(Files.readString(marker).strip())).orElseThrow();

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(child.onExit()).succeedsWithin(java.time.Duration.ofSeconds(10));
  }

  @Test
  void crashedInterpreterFailsTheActivityClearlyAndIsReplaced() {
    assertThatThrownBy(() -> call("die", Map.of("code", 3, "message", "fatal: out of luck")))
        .isInstanceOf(ActivityFailed.class)
        .hasMessageStartingWith("cannot run Python function chaos4j_fixture.die: python3 exited")
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("fatal: out of luck");

    assertThat(call("add", Map.of("a", 2))).isEqualTo(4);
  }

  @Test
  void overlappingCallsDoNotWaitForEachOther() throws Exception {
    Path release = work.resolve("release");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Object> slow = pool.submit(() -> call("wait_for", Map.of("path", release.toString())));

      assertThat(call("add", Map.of("a", 5))).isEqualTo(7);
      assertThat(slow).isNotDone();

      Files.writeString(release, "go");
      assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("released");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordsOfTheChaostoolkitLoggerReachTheEngineLog() {
    try (LogCapture log = LogCapture.ofAllThreads()) {
      assertThat(call("log", Map.of("message", "hello from python"))).isEqualTo(true);

      awaitTrue(() -> log.warnings().contains("hello from python"));
    }
  }

  @Test
  void closedBridgeStopsPythonAndRefusesLaterCalls() {
    call("add", Map.of("a", 1));
    ProcessHandle python = bridge.processHandle().orElseThrow();

    bridge.close();

    assertThat(python.isAlive()).isFalse();
    assertThatThrownBy(() -> call("add", Map.of("a", 1)))
        .isInstanceOf(ActivityFailed.class)
        .hasMessageContaining("the Python bridge is closed");
  }

  @Test
  void missingInterpreterIsReportedAsSuch() {
    PythonBridge nowhere = new PythonBridge("chaos4j-no-such-python3");

    assertThatThrownBy(() -> nowhere.inspect("os.path", "exists", context))
        .isInstanceOfSatisfying(
            PythonUnavailable.class, e -> assertThat(e.interpreterMissing()).isTrue())
        .hasMessage("no chaos4j-no-such-python3 interpreter was found on PATH");
    assertThatThrownBy(
            () -> nowhere.call("os.path", "exists", Map.of("path", "/"), Map.of(), null, context))
        .isInstanceOf(ActivityFailed.class)
        .hasMessage(
            "cannot run Python function os.path.exists: no chaos4j-no-such-python3 interpreter"
                + " was found on PATH");
  }

  private Object call(String function, Map<String, Object> arguments) {
    return bridge.call(FIXTURE_MODULE, function, arguments, Map.of(), null, context);
  }

  /** Waits for something the test caused to become true, failing after a generous bound. */
  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
