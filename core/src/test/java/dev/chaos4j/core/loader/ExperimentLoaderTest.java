package dev.chaos4j.core.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.InvalidSource;
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

  private ExperimentLoader loader(Map<String, String> env, Map<String, Object> auths) {
    return new ExperimentLoader(dir, auths, env, true);
  }

  @Test
  void loadsJsonAndYamlFilesByExtension() throws Exception {
    Files.writeString(dir.resolve("e.json"), "{\"title\": \"t\"}");
    Files.writeString(dir.resolve("e.yaml"), "title: t\ntags: [a]\nflag: yes\n");
    Files.writeString(dir.resolve("e.yml"), "title: t\n");
    assertThat(loader(Map.of(), null).load("e.json")).isEqualTo(Map.of("title", "t"));
    assertThat(loader(Map.of(), null).load("e.yaml"))
        .isEqualTo(Map.of("title", "t", "tags", List.of("a"), "flag", true));
    assertThat(loader(Map.of(), null).load("e.yml")).isEqualTo(Map.of("title", "t"));
  }

  @Test
  void missingPathsAndUnknownSchemesGetTheReferenceMessages() {
    assertThatThrownBy(() -> loader(Map.of(), null).load("nope.json"))
        .isInstanceOf(InvalidSource.class)
        .hasMessage("Path \"nope.json\" does not exist.");
    assertThatThrownBy(() -> loader(Map.of(), null).load("ftp://host/e.json"))
        .isInstanceOf(InvalidSource.class)
        .hasMessage("'ftp' is not a supported source scheme.");
  }

  @Test
  void otherExtensionsAreRefused() throws Exception {
    Files.writeString(dir.resolve("e.txt"), "{}");
    assertThatThrownBy(() -> loader(Map.of(), null).load("e.txt"))
        .isInstanceOf(InvalidExperiment.class)
        .hasMessage("only files with json, yaml or yml extensions are supported");
  }

  @Test
  void malformedJsonSaysWhereInOneLine() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\n  \"title\": \"t\",\n  # comment\n}");
    assertThatThrownBy(() -> loader(Map.of(), null).load("bad.json"))
        .isInstanceOf(InvalidSource.class)
        .hasMessageStartingWith("Failed parsing JSON experiment bad.json: ")
        .hasMessageEndingWith("at line 3 column 3")
        .hasMessageNotContaining("\n");
  }

  @Test
  void unsafeYamlTagsAreRefused() throws Exception {
    Files.writeString(dir.resolve("u.yaml"), "title: !!python/object/apply:os.system [\"ls\"]\n");
    assertThatThrownBy(() -> loader(Map.of(), null).load("u.yaml"))
        .isInstanceOf(InvalidSource.class)
        .hasMessageStartingWith("Failed parsing YAML experiment u.yaml: ")
        .hasMessageContaining("python/object/apply:os.system")
        .hasMessageContaining("line 1");
  }

  @Test
  void urlsAreFetchedWithTheBearerTokenOfTheEnvironment() throws Exception {
    AtomicReference<String> auth = new AtomicReference<>();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/e",
        ex -> {
          auth.set(ex.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "title: remote\n".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/x-yaml");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/e";
    Object doc = loader(Map.of(ExperimentLoader.TOKEN_VARIABLE, "s3cr3t"), null).load(url);
    assertThat(doc).isEqualTo(Map.of("title", "remote"));
    assertThat(auth.get()).isEqualTo("bearer s3cr3t");
  }

  @Test
  void urlsUseTheSettingsAuthsForTheirHost() throws Exception {
    AtomicReference<String> auth = new AtomicReference<>();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/e",
        ex -> {
          auth.set(ex.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "{\"title\": \"json\"}".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/plain");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    int port = server.getAddress().getPort();
    Map<String, Object> auths =
        Map.of("127.0.0.1:" + port, Map.of("type", "token", "value", "abc"));
    Object doc = loader(Map.of(), auths).load("http://127.0.0.1:" + port + "/e");
    assertThat(doc).isEqualTo(Map.of("title", "json"));
    assertThat(auth.get()).isEqualTo("token abc");
  }

  @Test
  void nonOkResponsesGiveTheBody() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/e",
        ex -> {
          byte[] body = "not here".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(404, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/e";
    assertThatThrownBy(() -> loader(Map.of(), null).load(url))
        .isInstanceOf(InvalidSource.class)
        .hasMessage("Failed to fetch the experiment: not here");
  }
}
