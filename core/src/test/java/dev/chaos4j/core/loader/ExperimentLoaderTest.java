package dev.chaos4j.core.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.InvalidSource;
import dev.chaos4j.core.settings.InvalidSettings;
import dev.chaos4j.core.settings.Settings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {
  @TempDir Path dir;
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private ExperimentLoader loader(Map<String, String> env, AuthLookup auths) {
    return new ExperimentLoader(dir, auths, env, true);
  }

  /**
   * Serves one response at /e, noting the Authorization header each request brings; returns the
   * URL. A null content type sends none.
   */
  private String serve(
      int status, String contentType, String body, AtomicReference<String> authorization)
      throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/e",
        ex -> {
          authorization.set(ex.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          if (contentType != null) {
            ex.getResponseHeaders().add("Content-Type", contentType);
          }
          ex.sendResponseHeaders(status, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/e";
  }

  /** A JSON experiment served as text/plain, as some file servers do. */
  private String serveJson(AtomicReference<String> authorization) throws Exception {
    return serve(200, "text/plain", "{\"title\": \"json\"}", authorization);
  }

  /** The Authorization header the loader sends when it fetches an experiment from 127.0.0.1. */
  private String authorizationSent(Map<String, String> env, AuthLookup auths) throws Exception {
    AtomicReference<String> authorization = new AtomicReference<>();
    loader(env, auths).load(serveJson(authorization));
    return authorization.get();
  }

  private static AuthLookup settingsAuths(String host, Object entry) {
    return Settings.of(Map.of("auths", Map.of(host, entry)))::authFor;
  }

  @Test
  void loadsJsonAndYamlFilesByExtension() throws Exception {
    Files.writeString(dir.resolve("e.json"), "{\"title\": \"t\"}");
    Files.writeString(dir.resolve("e.yaml"), "title: t\ntags: [a]\nflag: yes\n");
    Files.writeString(dir.resolve("e.yml"), "title: t\n");
    assertThat(loader(Map.of(), AuthLookup.none()).load("e.json")).isEqualTo(Map.of("title", "t"));
    assertThat(loader(Map.of(), AuthLookup.none()).load("e.yaml"))
        .isEqualTo(Map.of("title", "t", "tags", List.of("a"), "flag", true));
    assertThat(loader(Map.of(), AuthLookup.none()).load("e.yml")).isEqualTo(Map.of("title", "t"));
  }

  @Test
  void missingPathsAndUnknownSchemesGetTheReferenceMessages() {
    assertThatThrownBy(() -> loader(Map.of(), AuthLookup.none()).load("nope.json"))
        .isInstanceOf(InvalidSource.class)
        .hasMessage("Path \"nope.json\" does not exist.");
    assertThatThrownBy(() -> loader(Map.of(), AuthLookup.none()).load("ftp://host/e.json"))
        .isInstanceOf(InvalidSource.class)
        .hasMessage("'ftp' is not a supported source scheme.");
  }

  @Test
  void otherExtensionsAreRefused() throws Exception {
    Files.writeString(dir.resolve("e.txt"), "{}");
    assertThatThrownBy(() -> loader(Map.of(), AuthLookup.none()).load("e.txt"))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("only files with json, yaml or yml extensions are supported");
  }

  @Test
  void malformedJsonSaysWhereInOneLine() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\n  \"title\": \"t\",\n  # comment\n}");
    assertThatThrownBy(() -> loader(Map.of(), AuthLookup.none()).load("bad.json"))
        .isInstanceOf(InvalidSource.class)
        .hasMessageStartingWith("Failed parsing JSON experiment bad.json: ")
        .hasMessageEndingWith("at line 3 column 3")
        .hasMessageNotContaining("\n");
  }

  @Test
  void unsafeYamlTagsAreRefused() throws Exception {
    Files.writeString(dir.resolve("u.yaml"), "title: !!python/object/apply:os.system [\"ls\"]\n");
    assertThatThrownBy(() -> loader(Map.of(), AuthLookup.none()).load("u.yaml"))
        .isInstanceOf(InvalidSource.class)
        .hasMessageStartingWith("Failed parsing YAML experiment u.yaml: ")
        .hasMessageContaining("python/object/apply:os.system")
        .hasMessageContaining("line 1");
  }

  @Test
  void urlsAreFetchedWithTheBearerTokenOfTheEnvironment() throws Exception {
    AtomicReference<String> auth = new AtomicReference<>();
    String url = serve(200, "application/x-yaml", "title: remote\n", auth);
    Object doc =
        loader(Map.of(ExperimentLoader.TOKEN_VARIABLE, "s3cr3t"), AuthLookup.none()).load(url);
    assertThat(doc).isEqualTo(Map.of("title", "remote"));
    assertThat(auth.get()).isEqualTo("bearer s3cr3t");
  }

  @Test
  void urlsUseTheSettingsAuthsForTheirHostAndPort() throws Exception {
    AtomicReference<String> auth = new AtomicReference<>();
    String url = serveJson(auth);
    String hostAndPort = "127.0.0.1:" + server.getAddress().getPort();
    AuthLookup auths = settingsAuths(hostAndPort, Map.of("type", "token", "value", "abc"));
    Object doc = loader(Map.of(), auths).load(url);
    assertThat(doc).isEqualTo(Map.of("title", "json"));
    assertThat(auth.get()).isEqualTo("token abc");
  }

  @Test
  void urlsWithAPortFallBackToTheSettingsAuthsOfTheirHost() throws Exception {
    AuthLookup auths = settingsAuths("127.0.0.1", Map.of("type", "basic", "value", "dTpw"));
    assertThat(authorizationSent(Map.of(), auths)).isEqualTo("basic dTpw");
  }

  @Test
  void theEnvironmentTokenWinsOverTheSettingsAuths() throws Exception {
    AuthLookup auths = settingsAuths("127.0.0.1", Map.of("type", "basic", "value", "dTpw"));
    assertThat(authorizationSent(Map.of(ExperimentLoader.TOKEN_VARIABLE, "s3cr3t"), auths))
        .isEqualTo("bearer s3cr3t");
  }

  @Test
  void aMalformedAuthsEntryForTheHostIsASettingsError() throws Exception {
    String url = serveJson(new AtomicReference<>());
    AuthLookup auths = settingsAuths("127.0.0.1", Map.of("type", "bearer"));
    assertThatThrownBy(() -> loader(Map.of(), auths).load(url))
        .isInstanceOf(InvalidSettings.class)
        .hasMessageContaining("'auths.127.0.0.1' needs both a 'type' and a 'value'");
  }

  @Test
  void nonOkResponsesGiveTheBody() throws Exception {
    String url = serve(404, null, "not here", new AtomicReference<>());
    assertThatThrownBy(() -> loader(Map.of(), AuthLookup.none()).load(url))
        .isInstanceOf(InvalidSource.class)
        .hasMessage("Failed to fetch the experiment: not here");
  }
}
