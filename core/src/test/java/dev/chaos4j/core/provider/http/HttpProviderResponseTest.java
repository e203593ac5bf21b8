package dev.chaos4j.core.provider.http;

import static dev.chaos4j.core.provider.http.HttpActivities.probe;
import static dev.chaos4j.core.provider.http.HttpActivities.withTolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.testing.LogCapture;
import dev.chaos4j.core.value.Json;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output built from real responses: status, headers, body parsing, warnings. */
class HttpProviderResponseTest {
  private static final String STATUS_WARNING =
      "This HTTP call returned a response with a HTTP status code above 400. This may indicate"
          + " some error and not what you expected. Please have a look at the logs.";

  @TempDir Path dir;
  private LoopbackServer server;
  private LogCapture log;
  private final HttpProvider provider = new HttpProvider();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    log = LogCapture.ofThisThread();
  }

  @AfterEach
  void stop() {
    log.close();
    server.close();
  }

  @Test
  void outputHasStatusHeadersAndTheParsedJsonBody() throws Exception {
    Map<String, Object> output = run("/json");
    assertThat(output).containsOnlyKeys("status", "headers", "body");
    assertThat(output.get("status")).isEqualTo(200);
    assertThat(headers(output))
        .containsEntry("Content-Type", "application/json")
        .containsEntry("Content-Length", String.valueOf(LoopbackServer.JSON_DOC.length()))
        .containsKey("Date");
    assertThat(output.get("body")).isEqualTo(Json.parse(LoopbackServer.JSON_DOC));
  }

  @Test
  void aBodyOfAnotherContentTypeIsText() {
    assertThat(run("/text").get("body")).isEqualTo("plain text");
  }

  @Test
  void aJsonContentTypeWithACharsetIsNotParsedAsTheReferenceDoes() {
    assertThat(run("/json-charset").get("body")).isEqualTo(LoopbackServer.JSON_DOC);
  }

  @Test
  void theBodyIsDecodedWithTheCharsetOfItsContentType() {
    assertThat(run("/latin1").get("body")).isEqualTo("caf\u00e9");
  }

  @Test
  void aGzipBodyIsDecompressed() throws Exception {
    Map<String, Object> output = run("/gzip");
    assertThat(output.get("body")).isEqualTo(Json.parse(LoopbackServer.JSON_DOC));
    assertThat(headers(output)).containsEntry("Content-Encoding", "gzip");
  }

  @Test
  void repeatedHeadersAreJoined() {
    assertThat(headers(run("/repeated-header"))).containsEntry("X-Multi", "one, two");
  }

  @Test
  void redirectsAreFollowed() throws Exception {
    Map<String, Object> output = run("/redirect");
    assertThat(output.get("status")).isEqualTo(200);
    assertThat(output.get("body")).isEqualTo(Json.parse(LoopbackServer.JSON_DOC));
  }

  @Test
  void errorStatusesAreOutputsWithAWarningWhenTheActivityHasNoTolerance() {
    Map<String, Object> output = run("/status/503");
    assertThat(output.get("status")).isEqualTo(503);
    assertThat(output.get("body")).isEqualTo("status 503");
    assertThat(log.warnings()).containsExactly(STATUS_WARNING);
  }

  @Test
  void errorStatusesOfAProbeWithAToleranceAreNotWarnedAbout() {
    var activity =
        withTolerance(probe("{\"url\": \"%s/status/404\"}".formatted(server.url())), 200);
    Map<?, ?> output = (Map<?, ?>) provider.run(activity, ProviderContext.empty(dir));
    assertThat(output.get("status")).isEqualTo(404);
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void status400IsWarnedAboutLikeEveryStatusAbove399() {
    run("/status/400");
    run("/status/399");
    assertThat(log.warnings()).containsExactly(STATUS_WARNING);
  }

  @Test
  void anInvalidJsonBodyAbortsTheRunRatherThanFailingTheActivity() {
    assertThatThrownBy(() -> run("/badjson"))
        .isInstanceOf(ChaosException.class)
        .isNotInstanceOf(ActivityFailed.class)
        .hasMessageContaining("/badjson")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void connectionsAreKeptAliveAcrossActivities() {
    Set<Object> clientPorts = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      clientPorts.add(run("/port").get("body"));
    }
    assertThat(clientPorts).hasSize(1);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run(String path) {
    return (Map<String, Object>)
        provider.run(
            probe("{\"url\": \"%s%s\"}".formatted(server.url(), path)), ProviderContext.empty(dir));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> headers(Map<String, Object> output) {
    return (Map<String, Object>) output.get("headers");
  }
}
