package dev.chaos4j.core.control.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.control.GlobalControls;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.provider.http.HttpProvider;
import dev.chaos4j.core.provider.process.ProcessProvider;
import dev.chaos4j.core.run.HypothesisStrategy;
import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.run.RollbackStrategy;
import dev.chaos4j.core.run.RunEnvironment;
import dev.chaos4j.core.run.RunOptions;
import dev.chaos4j.core.run.Runner;
import dev.chaos4j.core.run.ToleranceCheck;
import dev.chaos4j.core.value.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safeguards control against a real loopback service that goes down while the experiment runs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SafeguardsTest {
  @TempDir Path dir;
  private HttpServer service;
  private final AtomicInteger hits = new AtomicInteger();
  private volatile int status = 200;
  private Thread outage;

  @BeforeEach
  void startService() throws Exception {
    service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    service.createContext(
        "/health",
        exchange -> {
          hits.incrementAndGet();
          byte[] body = "ok".getBytes();
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    service.start();
  }

  @AfterEach
  void stopService() throws Exception {
    service.stop(0);
    if (outage != null) {
      outage.interrupt();
      outage.join(5000);
    }
  }

  /**
   * Stops the service once {@code condition} holds (checked every 10 ms, for 20 s at most), then
   * creates the file {@code down} in the experiment's directory.
   */
  private void goDownWhen(BooleanSupplier condition) {
    outage =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
              try {
                while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
                  Thread.sleep(10);
                }
                service.stop(0);
                Files.createFile(dir.resolve("down"));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    outage.start();
  }

  private String url() {
    return "http://127.0.0.1:" + service.getAddress().getPort() + "/health";
  }

  private String probe(String name, String extra) {
    return "{\"name\": \""
        + name
        + "\", \"type\": \"probe\", \"tolerance\": 200, \"provider\": {\"type\": \"http\","
        + " \"url\": \""
        + url()
        + "\", \"timeout\": 2}"
        + (extra.isEmpty() ? "" : ", " + extra)
        + "}";
  }

  private static String process(String name, String script) {
    return "{\"type\": \"action\", \"name\": \""
        + name
        + "\", \"provider\": {\"type\": \"process\", \"path\": \"sh\", \"arguments\": [\"-c\", \""
        + script
        + "\"]}}";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> experiment(
      String probes, String arguments, List<String> method, List<String> rollbacks) {
    return (Map<String, Object>)
        Json.parseTrusted(
            """
            {"title": "guarded", "description": "d",
             "controls": [{"name": "safeguard", "provider": {"type": "python",
               "module": "chaosaddons.controls.safeguards",
               "arguments": {"probes": [%s]%s}}}],
             "method": [%s],
             "rollbacks": [%s]}
            """
                .formatted(
                    probes,
                    arguments.isEmpty() ? "" : ", " + arguments,
                    String.join(", ", method),
                    String.join(", ", rollbacks)));
  }

  private Map<String, Object> run(Map<String, Object> experiment, RollbackStrategy rollbacks) {
    RunEnvironment environment =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), dir, System.getenv(), Map.of());
    RunOptions options =
        new RunOptions(null, HypothesisStrategy.DEFAULT, 1.0, false, rollbacks, rollbacks.label());
    return new Runner(
            new Providers(List.of(new HttpProvider(), new ProcessProvider())),
            ToleranceCheck.REFERENCE,
            GlobalControls.none())
        .run(experiment, options, environment, new Interruption());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(Map<String, Object> journal, String key) {
    return (List<Map<String, Object>>) journal.get(key);
  }

  private static List<Object> names(Map<String, Object> journal, String key) {
    List<Object> names = new ArrayList<>();
    for (Map<String, Object> r : records(journal, key)) {
      names.add(((Map<?, ?>) r.get("activity")).get("name"));
    }
    return names;
  }

  @Test
  void aServiceGoingDownMidMethodInterruptsTheRunAtOnce() {
    goDownWhen(() -> hits.get() >= 3);
    Map<String, Object> journal =
        run(
            experiment(
                probe("healthy", "\"frequency\": 0.1"),
                "",
                List.of(process("long-fault", "sleep 30"), process("next", "true")),
                List.of(process("restore", "true"))),
            RollbackStrategy.DEFAULT);

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(names(journal, "run")).containsExactly("long-fault");
    assertThat(records(journal, "run").get(0))
        .as("the running activity was stopped, as by SIGUSR1")
        .doesNotContainKey("status");
    assertThat(records(journal, "rollbacks"))
        .as("default strategy after an interruption")
        .isEmpty();
  }

  @Test
  void theAlwaysStrategyStillRollsBackAfterASafeguardStoppedTheRun() {
    goDownWhen(() -> hits.get() >= 3);
    Map<String, Object> journal =
        run(
            experiment(
                probe("healthy", "\"frequency\": 0.1"),
                "",
                List.of(process("long-fault", "sleep 30")),
                List.of(process("restore", "true"))),
            RollbackStrategy.ALWAYS);

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(names(journal, "rollbacks")).containsExactly("restore");
    assertThat(records(journal, "rollbacks").get(0)).containsEntry("status", "succeeded");
  }

  @Test
  void aBlockingSafeguardOutOfToleranceStopsTheRunBeforeTheMethod() {
    status = 503;
    Map<String, Object> journal =
        run(
            experiment(
                probe("healthy-first", ""), "", List.of(process("fault", "true")), List.of()),
            RollbackStrategy.DEFAULT);

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(records(journal, "run")).isEmpty();
    assertThat(hits.get()).isEqualTo(1);
  }

  @Test
  void aBackgroundSafeguardRunsOnceAlongsideTheExperiment() {
    status = 500;
    Map<String, Object> journal =
        run(
            experiment(
                probe("once", "\"background\": true"),
                "",
                List.of(process("long-fault", "sleep 30")),
                List.of()),
            RollbackStrategy.DEFAULT);

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(hits.get()).isEqualTo(1);
  }

  @Test
  void withInterruptAfterActivityTheCurrentActivityEndsFirst() {
    goDownWhen(() -> hits.get() >= 2);
    Map<String, Object> journal =
        run(
            experiment(
                probe("healthy", "\"frequency\": 0.05"),
                "\"interrupt_after_activity\": true",
                List.of(
                    process("fault", "while [ ! -f down ]; do sleep 0.05; done; sleep 1"),
                    process("next", "true")),
                List.of()),
            RollbackStrategy.DEFAULT);

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat(names(journal, "run")).containsExactly("fault");
    assertThat(records(journal, "run").get(0)).containsEntry("status", "succeeded");
  }

  @Test
  void aHealthyServiceLetsTheExperimentComplete() throws Exception {
    Map<String, Object> journal =
        run(
            experiment(
                probe("first", "") + ", " + probe("always", "\"frequency\": 0.05"),
                "",
                List.of(process("short-fault", "sleep 0.3")),
                List.of(process("restore", "true"))),
            RollbackStrategy.DEFAULT);

    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(names(journal, "rollbacks")).containsExactly("restore");
    int afterRun = hits.get();
    assertThat(afterRun).isGreaterThan(2);
    Thread.sleep(200);
    assertThat(hits.get()).as("the safeguards stop with the experiment").isEqualTo(afterRun);
  }

  @Test
  void safeguardsDoNotStopRollbacks() throws Exception {
    Path started = dir.resolve("rolling-back");
    goDownWhen(() -> Files.exists(started));
    Map<String, Object> journal =
        run(
            experiment(
                probe("healthy", "\"frequency\": 0.05"),
                "",
                List.of(process("fault", "true")),
                List.of(process("restore", "touch rolling-back; sleep 0.5"))),
            RollbackStrategy.DEFAULT);

    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(records(journal, "rollbacks").get(0)).containsEntry("status", "succeeded");
  }
}
