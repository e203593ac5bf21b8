package dev.chaos4j.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.value.Json;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built command line against a loopback HTTP service and real processes. */
class RunCommandIT {
  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger healthStatus = new AtomicInteger(200);
  private int port;

  @BeforeEach
  void startService() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/health",
        ex -> {
          byte[] body = "{\"status\": \"up\", \"items\": [1, 2]}".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(healthStatus.get(), body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.createContext(
        "/break",
        ex -> {
          healthStatus.set(503);
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stopService() {
    server.stop(0);
  }

  private Path write(String name, String json) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, json.replace("PORT", Integer.toString(port)));
    return p;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> journal() throws Exception {
    return (Map<String, Object>) Json.parse(Files.readString(dir.resolve("journal.json")));
  }

  private static final String EXPERIMENT =
      """
      {
        "title": "service ${name} stays healthy",
        "description": "loopback service and real processes",
        "configuration": {"name": "svc", "base": "http://127.0.0.1:PORT"},
        "steady-state-hypothesis": {
          "title": "healthy",
          "probes": [
            {"type": "probe", "name": "health-200", "tolerance": 200,
             "provider": {"type": "http", "url": "${base}/health", "timeout": 3}},
            {"type": "probe", "name": "has-items", "tolerance":
               {"type": "jsonpath", "path": "$.items[*]", "target": "body", "count": 2},
             "provider": {"type": "http", "url": "${base}/health"}},
            {"type": "probe", "name": "echo", "tolerance": {"type": "regex", "target": "stdout",
               "pattern": "^hello svc"},
             "provider": {"type": "process", "path": "echo", "arguments": ["hello", "${name}"]}}
          ]
        },
        "method": [ACTION],
        "rollbacks": [
          {"type": "action", "name": "cleanup", "provider": {"type": "process", "path": "true"}}
        ]
      }
      """;

  @Test
  void healthyRunCompletesWithExitZeroAndAReferenceJournal() throws Exception {
    Path e =
        write(
            "e.json",
            EXPERIMENT.replace(
                "ACTION",
                "{\"type\": \"action\", \"name\": \"sleep\", \"provider\": {\"type\": \"process\","
                    + " \"path\": \"sleep\", \"arguments\": \"0.1\"}}"));
    ChaosProcess.Result r = ChaosProcess.run(dir, "run", e.toString());
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(0);
    Map<String, Object> journal = journal();
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(journal.get("deviated")).isEqualTo(false);
    assertThat(((Map<?, ?>) journal.get("experiment")).get("title"))
        .isEqualTo("service svc stays healthy");
    assertThat((List<?>) journal.get("rollbacks")).hasSize(1);
    assertThat(r.stderr())
        .contains("Steady state hypothesis is met!")
        .contains("Experiment ended with status: completed")
        .matches("(?s)\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d INFO\\] .*");
  }

  @Test
  void brokenServiceDeviatesAndTheLogSaysWhatWasExpected() throws Exception {
    Path e =
        write(
            "e.json",
            EXPERIMENT.replace(
                "ACTION",
                "{\"type\": \"action\", \"name\": \"break\", \"provider\": {\"type\": \"http\","
                    + " \"url\": \"${base}/break\", \"method\": \"POST\"}}"));
    ChaosProcess.Result r = ChaosProcess.run(dir, "run", e.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    Map<String, Object> journal = journal();
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(journal.get("deviated")).isEqualTo(true);
    assertThat(r.stderr())
        .contains("Steady state probe 'health-200' is not in the given tolerance");
    assertThat(r.stderr()).contains("503");
  }

  @Test
  void invalidExperimentGivesOneLinePerProblemAndNoJournal() throws Exception {
    Path e =
        write(
            "bad.json",
            "{\"title\": \"t\", \"method\": [{\"type\": \"action\", \"name\": \"x\", \"provider\":"
                + " {\"type\": \"process\", \"path\": \"no-such-program-here\"}}]}");
    ChaosProcess.Result r = ChaosProcess.run(dir, "run", e.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr())
        .contains("ERROR] experiment requires a description")
        .contains("ERROR] path 'no-such-program-here' cannot be found, in activity 'x'")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("journal.json")).doesNotExist();
  }

  @Test
  void malformedJsonSaysWhere() throws Exception {
    Path e = write("broken.json", "{\n  \"title\": \"t\",\n}\n");
    ChaosProcess.Result r = ChaosProcess.run(dir, "validate", e.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().strip().lines()).hasSize(1);
    assertThat(r.stderr()).contains("broken.json").contains("line 3 column 1");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    Path e = write("e.json", EXPERIMENT.replace("ACTION", ""));
    assertThat(
            ChaosProcess.run(dir, "run", "--rollback-strategy", "sometimes", e.toString())
                .exitCode())
        .isEqualTo(2);
    assertThat(ChaosProcess.run(dir, "run", "--var", "x:object=1", e.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void varsOverrideDeclaredConfiguration() throws Exception {
    Path e =
        write(
            "e.json",
            EXPERIMENT.replace(
                "ACTION",
                "{\"type\": \"probe\", \"name\": \"say\", \"provider\": {\"type\": \"process\","
                    + " \"path\": \"echo\", \"arguments\": [\"${name}\"]}}"));
    ChaosProcess.Result r =
        ChaosProcess.run(
            dir,
            "run",
            "--hypothesis-strategy",
            "after-method-only",
            "--var",
            "name=other",
            e.toString());
    // the echo probe of the hypothesis now prints "hello other": the regex tolerance misses
    assertThat(r.exitCode()).isEqualTo(1);
    Map<?, ?> say = (Map<?, ?>) ((List<?>) journal().get("run")).get(0);
    assertThat(((Map<?, ?>) say.get("output")).get("stdout")).isEqualTo("other\n");
  }

  @Test
  void globalLogOptionsWorkAsInTheReference() throws Exception {
    Path e = write("e.json", EXPERIMENT.replace("ACTION", ""));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ChaosProcess.jar().toString(),
                "--log-format",
                "json",
                "--log-file",
                "logs.txt",
                "--log-file-level",
                "info",
                "validate",
                e.toString())
            .directory(dir.toFile())
            .redirectErrorStream(false)
            .start();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isEqualTo(0);
    assertThat(stderr.strip().lines())
        .allSatisfy(
            line ->
                assertThat(Json.parse(line))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsKeys("levelname", "message"));
    assertThat(Files.readString(dir.resolve("logs.txt")))
        .contains("INFO] [ValidateCommand] experiment syntax and semantic look valid")
        .doesNotContain("DEBUG");
  }

  @Test
  void changeDirResolvesTheSourceTheJournalAndProcessesThere() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        sub.resolve("e.json"),
        "{\"title\": \"t\", \"description\": \"d\", \"method\": [{\"type\": \"action\","
            + " \"name\": \"touch\", \"provider\": {\"type\": \"process\", \"path\":"
            + " \"touch\", \"arguments\": [\"made-here\"]}}]}");
    ChaosProcess.Result r = ChaosProcess.run(dir, "--change-dir", "sub", "run", "e.json");
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(0);
    assertThat(sub.resolve("journal.json")).isRegularFile();
    assertThat(sub.resolve("made-here")).isRegularFile();
  }
}
