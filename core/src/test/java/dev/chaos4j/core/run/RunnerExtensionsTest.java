package dev.chaos4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.provider.http.HttpProvider;
import dev.chaos4j.core.provider.process.ProcessProvider;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extensions beyond the reference (outputs, strict mode, retries), with real processes and a
 * loopback HTTP server.
 */
class RunnerExtensionsTest {
  @TempDir Path dir;

  private HttpServer server;
  private final AtomicInteger created = new AtomicInteger();
  private final Runner runner =
      new Runner(new Providers(List.of(new ProcessProvider(), new HttpProvider())));

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/users",
        exchange -> {
          byte[] body =
              ("{\"id\": " + (41 + created.incrementAndGet()) + ", \"roles\": [\"ops\", \"sre\"]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(201, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/users";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private Map<String, Object> createUser() {
    return json(
        "{\"type\": \"action\", \"name\": \"create-user\", \"provider\": {\"type\": \"http\","
            + " \"url\": \""
            + url()
            + "\", \"method\": \"POST\", \"timeout\": 5}}");
  }

  private static Map<String, Object> echo(String name, String arguments) {
    return json(
        "{\"type\": \"probe\", \"name\": \""
            + name
            + "\", \"provider\": {\"type\": \"process\", \"path\": \"echo\", \"arguments\": "
            + arguments
            + "}}");
  }

  private static Map<String, Object> shell(String name, String script) {
    Map<String, Object> a =
        json(
            "{\"type\": \"action\", \"name\": \""
                + name
                + "\", \"provider\": {\"type\": \"process\", \"path\": \"sh\"}}");
    @SuppressWarnings("unchecked")
    Map<String, Object> provider = (Map<String, Object>) a.get("provider");
    provider.put("arguments", new ArrayList<>(List.of("-c", script)));
    return a;
  }

  /** An action that fails: it outlives its timeout (an exit code is an output, not a failure). */
  private static Map<String, Object> failing(String name) {
    return withTimeout(shell(name, "sleep 30"), 0.3);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withTimeout(Map<String, Object> activity, double seconds) {
    ((Map<String, Object>) activity.get("provider")).put("timeout", seconds);
    return activity;
  }

  private static Map<String, Object> experiment(
      List<Map<String, Object>> method, List<Map<String, Object>> rollbacks) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("title", "t");
    e.put("description", "d");
    e.put("method", new ArrayList<>(method));
    e.put("rollbacks", new ArrayList<>(rollbacks));
    return e;
  }

  private Map<String, Object> run(Map<String, Object> experiment, RunOptions options) {
    RunEnvironment env =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), dir, System.getenv(), Map.of());
    return runner.run(experiment, options, env, new Interruption());
  }

  private static RunOptions outputs() {
    return RunOptions.defaults().withExtensions(true, false);
  }

  private static RunOptions strict() {
    return RunOptions.defaults().withExtensions(false, true);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> record(Map<String, Object> journal, String key, int i) {
    return (Map<String, Object>) ((List<Object>) journal.get(key)).get(i);
  }

  @SuppressWarnings("unchecked")
  private static String stdout(Map<String, Object> record) {
    return (String) ((Map<String, Object>) record.get("output")).get("stdout");
  }

  @Test
  void anHttpResponseBodyFlowsIntoALaterProcessArgument() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(
                    createUser(),
                    echo(
                        "show-user",
                        "[\"${outputs.create-user.body.id}\","
                            + " \"role=${outputs.create-user.body.roles.1}\"]")),
                List.of()),
            outputs());

    Map<String, Object> show = record(journal, "run", 1);
    assertThat(show.get("status")).isEqualTo("succeeded");
    assertThat(stdout(show)).isEqualTo("42 role=sre\n");
    assertThat(show.get("resolved"))
        .isEqualTo(
            Map.of(
                "${outputs.create-user.body.id}",
                42,
                "${outputs.create-user.body.roles.1}",
                "sre"));
    // the activity copy stays as declared; the resolved values sit beside it
    assertThat(show.get("activity").toString()).contains("${outputs.create-user.body.id}");
    assertThat(journal.get("status")).isEqualTo("completed");
  }

  @Test
  void theLastRunOfAnActivityGivesItsOutput() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(
                    createUser(),
                    createUser(),
                    echo("show-user", "[\"${outputs.create-user.body.id}\"]")),
                List.of(echo("cleanup", "[\"delete ${outputs.create-user.body.id}\"]"))),
            outputs());

    assertThat(stdout(record(journal, "run", 2))).isEqualTo("43\n");
    assertThat(stdout(record(journal, "rollbacks", 0))).isEqualTo("delete 43\n");
  }

  @Test
  void withoutTheExtensionOutputPlaceholdersAreLeftAsWritten() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(createUser(), echo("show-user", "[\"${outputs.create-user.body.id}\"]")),
                List.of()),
            RunOptions.defaults());

    Map<String, Object> show = record(journal, "run", 1);
    assertThat(stdout(show)).isEqualTo("${outputs.create-user.body.id}\n");
    assertThat(show).doesNotContainKey("resolved");
  }

  @Test
  void anUnknownOutputFailsTheActivityWithAMessageNamingIt() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(echo("show-user", "[\"${outputs.create-usr.body.id}\"]")),
                List.of(echo("after", "[\"still here\"]"))),
            outputs());

    Map<String, Object> show = record(journal, "run", 0);
    assertThat(show.get("status")).isEqualTo("failed");
    assertThat(show.get("exception").toString())
        .contains("no output named 'create-usr'", "${outputs.create-usr.body.id}");
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(stdout(record(journal, "rollbacks", 0))).isEqualTo("still here\n");
  }

  @Test
  void aMissingKeyInAnOutputSaysWhereThePathBroke() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(createUser(), echo("show-user", "[\"${outputs.create-user.body.name}\"]")),
                List.of()),
            outputs());

    assertThat(record(journal, "run", 1).get("exception").toString())
        .contains("at 'outputs.create-user.body', it has no key 'name'");
  }

  @Test
  void strictModeFailsTheExperimentStopsTheMethodAndStillRollsBack() {
    Map<String, Object> journal =
        run(
            experiment(
                List.of(shell("inject", "exit 0"), failing("break"), shell("never", "")),
                List.of(shell("restore", "exit 0"))),
            strict());

    assertThat(journal.get("status")).isEqualTo("failed");
    assertThat((List<?>) journal.get("run")).hasSize(2);
    assertThat(record(journal, "run", 1).get("status")).isEqualTo("failed");
    assertThat((List<?>) journal.get("rollbacks")).hasSize(1);
  }

  @Test
  void withoutStrictModeAFailedActivityLeavesTheExperimentCompleted() {
    Map<String, Object> journal =
        run(
            experiment(List.of(failing("break"), shell("next", "")), List.of()),
            RunOptions.defaults());

    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat((List<?>) journal.get("run")).hasSize(2);
  }

  @Test
  void strictModeHonoursTheNeverRollbackStrategy() {
    RunOptions options =
        new RunOptions(
                null, HypothesisStrategy.DEFAULT, 1.0, false, RollbackStrategy.NEVER, "never")
            .withExtensions(false, true);
    Map<String, Object> journal =
        run(experiment(List.of(failing("break")), List.of(shell("restore", ""))), options);

    assertThat(journal.get("status")).isEqualTo("failed");
    assertThat((List<?>) journal.get("rollbacks")).isEmpty();
  }

  @Test
  void aProbeThatFailsTwiceThenSucceedsIsRetriedAndEachAttemptIsJournaled() throws IOException {
    Path counter = dir.resolve("attempts");
    Files.writeString(counter, "");
    Map<String, Object> flaky =
        shell(
            "flaky",
            "echo x >> '"
                + counter
                + "'; n=$(wc -l < '"
                + counter
                + "'); [ \"$n\" -ge 3 ] || sleep 30");
    flaky.put("type", "probe");
    withTimeout(flaky, 1.5);
    flaky.put("retry", json("{\"count\": 3, \"delay\": 0.05}"));

    Map<String, Object> journal = run(experiment(List.of(flaky), List.of()), strict());

    Map<String, Object> record = record(journal, "run", 0);
    assertThat(record.get("status")).isEqualTo("succeeded");
    assertThat(record).doesNotContainKey("exception");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attempts = (List<Map<String, Object>>) record.get("attempts");
    assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(1, 2, 3);
    assertThat(attempts)
        .extracting(a -> a.get("status"))
        .containsExactly("failed", "failed", "succeeded");
    assertThat(attempts.get(0)).containsKeys("exception", "output", "start", "end", "duration");
    assertThat(attempts.get(2)).doesNotContainKey("exception");
    assertThat(journal.get("status")).isEqualTo("completed");
  }

  @Test
  void whenEveryAttemptFailsTheRecordHoldsTheLastFailure() {
    Map<String, Object> broken = failing("broken");
    broken.put("retry", json("{\"count\": 1}"));

    Map<String, Object> journal = run(experiment(List.of(broken), List.of()), strict());

    Map<String, Object> record = record(journal, "run", 0);
    assertThat(record.get("status")).isEqualTo("failed");
    assertThat((List<?>) record.get("attempts")).hasSize(2);
    assertThat(journal.get("status")).isEqualTo("failed");
  }

  @Test
  @Timeout(30)
  void anInterruptionDuringARetryDelayEndsTheRunAtOnce() throws Exception {
    Map<String, Object> broken = failing("broken");
    broken.put("retry", json("{\"count\": 5, \"delay\": 60}"));
    Interruption interruption = new Interruption();
    Thread stopper =
        new Thread(
            () -> {
              try {
                Thread.sleep(1500); // the first attempt times out after 0.3 s
              } catch (InterruptedException e) {
                return;
              }
              interruption.request(Interruption.Kind.SIGINT, "stop");
            });
    stopper.start();
    RunEnvironment env =
        new RunEnvironment(
            new LinkedHashMap<>(), new LinkedHashMap<>(), dir, System.getenv(), Map.of());

    Map<String, Object> journal =
        runner.run(
            experiment(List.of(broken), List.of()), RunOptions.defaults(), env, interruption);
    stopper.join();

    assertThat(journal.get("status")).isEqualTo("interrupted");
    assertThat((List<?>) record(journal, "run", 0).get("attempts")).hasSize(1);
  }
}
