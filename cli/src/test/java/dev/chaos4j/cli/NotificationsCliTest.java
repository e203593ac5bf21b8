package dev.chaos4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flow events of {@code chaos run} and {@code chaos validate}, and their notification. */
class NotificationsCliTest {
  private static final String VALID =
      "{\"title\": \"t\", \"description\": \"d\", \"method\": [{\"type\": \"action\", \"name\":"
          + " \"a\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]}";

  @TempDir Path dir;
  private HttpServer server;
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(map(Json.parseTrusted(body)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void runSendsRunStartedWithTheExperimentThenRunCompletedWithTheJournal() throws Exception {
    settings("notifications:\n  - type: http\n    url: " + url() + "\n");
    Files.writeString(dir.resolve("experiment.json"), VALID);

    CliRunner.Result result = CliRunner.notifying(args("run", "experiment.json"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(received)
        .extracting(e -> e.get("name"))
        .containsExactly("run-started", "run-completed");
    assertThat(received).extracting(e -> e.get("phase")).containsOnly("run");
    assertThat(map(received.get(0).get("payload"))).containsEntry("title", "t");
    assertThat(map(received.get(1).get("payload")))
        .containsEntry("status", "completed")
        .containsKey("experiment");
  }

  @Test
  void anUnreachableChannelIsAWarningAndTheRunStillSucceeds() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    settings("notifications:\n  - type: http\n    url: http://127.0.0.1:" + closedPort + "/\n");
    Files.writeString(dir.resolve("experiment.json"), VALID);

    CliRunner.Result result = CliRunner.notifying(args("run", "experiment.json"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(dir.resolve("journal.json")).exists();
    assertThat(result.err())
        .contains("Notification run-completed could not be sent to notifications[0]");
  }

  @Test
  void aDeviatedRunIsReportedAsCompletedAndDeviated() throws Exception {
    Files.writeString(
        dir.resolve("experiment.json"),
        "{\"title\": \"t\", \"description\": \"d\", \"steady-state-hypothesis\": {\"title\": \"h\","
            + " \"probes\": [{\"type\": \"probe\", \"name\": \"no-marker\", \"tolerance\": 0,"
            + " \"provider\": {\"type\": \"process\", \"path\": \"test\", \"arguments\": \"! -e"
            + " marker\"}}]}, \"method\": [{\"type\": \"action\", \"name\": \"mark\", \"provider\":"
            + " {\"type\": \"process\", \"path\": \"touch\", \"arguments\": \"marker\"}}]}");

    CliRunner.Result result = CliRunner.run("", args("run", "experiment.json"));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.events()).containsExactly("run-started", "run-completed", "run-deviated");
  }

  @Test
  void validateSendsStartedThenCompletedOrFailedWithTheProblems() throws Exception {
    settings("notifications:\n  - type: http\n    url: " + url() + "\n");
    Files.writeString(dir.resolve("valid.json"), VALID);
    Files.writeString(dir.resolve("invalid.json"), "{\"description\": \"d\", \"method\": []}");

    CliRunner.Result valid = CliRunner.notifying(args("validate", "valid.json"));
    CliRunner.Result invalid = CliRunner.notifying(args("validate", "invalid.json"));

    assertThat(valid.exitCode()).isZero();
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(received)
        .extracting(e -> e.get("name"))
        .containsExactly(
            "validate-started", "validate-completed", "validate-started", "validate-failed");
    assertThat(received.get(3).get("error")).isEqualTo("experiment requires a title");
    assertThat(received.get(0)).doesNotContainKey("error");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private void settings(String yaml) throws IOException {
    Files.writeString(dir.resolve("settings.yaml"), yaml);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
  }

  private String[] args(String... command) {
    String[] all = new String[command.length + 5];
    all[0] = "--no-log-file";
    all[1] = "--change-dir";
    all[2] = dir.toString();
    all[3] = "--settings";
    all[4] = dir.resolve("settings.yaml").toString();
    System.arraycopy(command, 0, all, 5, command.length);
    return all;
  }
}
