package dev.chaos4j.core.provider.http;

import static dev.chaos4j.core.provider.http.HttpActivities.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.provider.ProviderContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which redirects the provider follows, and what it sends to the new location. */
class HttpProviderRedirectTest {
  @TempDir Path dir;
  private final HttpProvider provider = new HttpProvider();
  private RawHttpServer origin;
  private RawHttpServer other;

  @AfterEach
  void stop() throws Exception {
    for (RawHttpServer server : new RawHttpServer[] {origin, other}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void aRelativeLocationIsFollowedOnTheSameServerWithTheSameHeaders() throws Exception {
    origin =
        new RawHttpServer(
            ex -> {
              if (ex.requestLine().startsWith("GET /dir/old ")) {
                ex.write("HTTP/1.1 301 Moved\r\nLocation: new?x=1\r\nContent-Length: 0\r\n\r\n");
              } else {
                ex.respond(200, "moved here");
              }
            });
    Map<?, ?> output =
        run(
            "{\"url\": \"%s/dir/old\", \"headers\": {\"Authorization\": \"Bearer t\","
                + " \"Host\": \"shop.example\"}}",
            origin.url());
    assertThat(output.get("body")).isEqualTo("moved here");
    RawHttpServer.Exchange followed = origin.received().get(1);
    assertThat(followed.requestLine()).isEqualTo("GET /dir/new?x=1 HTTP/1.1");
    assertThat(followed.header("Authorization")).isEqualTo("Bearer t");
    assertThat(followed.header("Host")).isEqualTo("shop.example");
  }

  @Test
  void credentialsAndAGivenHostAreNotSentToAnotherServer() throws Exception {
    other = new RawHttpServer(ex -> ex.respond(200, "elsewhere"));
    origin = new RawHttpServer(ex -> redirect(ex, 302, other.url() + "/landing"));
    Map<?, ?> output =
        run(
            "{\"url\": \"%s/\", \"headers\": {\"Authorization\": \"Bearer t\", \"Host\":"
                + " \"shop.example\", \"X-Trace\": \"1\"}}",
            origin.url());
    assertThat(output.get("body")).isEqualTo("elsewhere");
    RawHttpServer.Exchange followed = other.received().get(0);
    assertThat(followed.header("Authorization")).isNull();
    assertThat(followed.header("Host")).isEqualTo("127.0.0.1:" + other.port());
    assertThat(followed.header("X-Trace")).isEqualTo("1");
  }

  @Test
  void seeOtherAndAMovedPostContinueWithAGetWithoutBody() throws Exception {
    origin =
        new RawHttpServer(
            ex -> {
              String target = ex.requestLine().split(" ")[1];
              switch (target) {
                case "/303" -> redirect(ex, 303, "/done");
                case "/302" -> redirect(ex, 302, "/done");
                default -> ex.respond(200, "done");
              }
            });
    for (String status : List.of("303", "302")) {
      run(
          "{\"url\": \"%s/%s\", \"method\": \"POST\", \"arguments\": {\"a\": 1}}",
          origin.url(), status);
    }
    assertThat(origin.received())
        .extracting(ex -> ex.requestLine() + " [" + ex.body() + "]")
        .containsExactly(
            "POST /303 HTTP/1.1 [a=1]",
            "GET /done HTTP/1.1 []",
            "POST /302 HTTP/1.1 [a=1]",
            "GET /done HTTP/1.1 []");
  }

  @Test
  void temporaryAndPermanentRedirectsKeepTheMethodAndBody() throws Exception {
    origin =
        new RawHttpServer(
            ex -> {
              String target = ex.requestLine().split(" ")[1];
              switch (target) {
                case "/307" -> redirect(ex, 307, "/done");
                case "/308" -> redirect(ex, 308, "/done");
                default -> ex.respond(200, "done");
              }
            });
    run("{\"url\": \"%s/307\", \"method\": \"POST\", \"arguments\": \"raw\"}", origin.url());
    run("{\"url\": \"%s/308\", \"method\": \"PUT\", \"arguments\": \"raw\"}", origin.url());
    assertThat(origin.received())
        .extracting(ex -> ex.requestLine() + " [" + ex.body() + "]")
        .containsExactly(
            "POST /307 HTTP/1.1 [raw]",
            "POST /done HTTP/1.1 [raw]",
            "PUT /308 HTTP/1.1 [raw]",
            "PUT /done HTTP/1.1 [raw]");
  }

  @Test
  void afterFiveRedirectsTheNextRedirectIsTheOutput() throws Exception {
    origin =
        new RawHttpServer(
            ex -> {
              int n = Integer.parseInt(ex.requestLine().split(" ")[1].substring(1));
              redirect(ex, 302, "/" + (n + 1));
            });
    Map<?, ?> output = run("{\"url\": \"%s/0\"}", origin.url());
    assertThat(output.get("status")).isEqualTo(302);
    assertThat(origin.received()).hasSize(6);
  }

  @Test
  void aRedirectWithoutLocationIsTheOutput() throws Exception {
    origin = new RawHttpServer(ex -> ex.respond(302, "nowhere to go"));
    Map<?, ?> output = run("{\"url\": \"%s/\"}", origin.url());
    assertThat(output.get("status")).isEqualTo(302);
    assertThat(output.get("body")).isEqualTo("nowhere to go");
  }

  @Test
  void aRedirectFromHttpToHttpsIsFollowed() throws Exception {
    try (TlsServer tls = new TlsServer(dir)) {
      origin = new RawHttpServer(ex -> redirect(ex, 301, tls.url()));
      Map<?, ?> output = run("{\"url\": \"%s/\", \"verify_tls\": false}", origin.url());
      assertThat(output.get("body")).isEqualTo("secure");
    }
  }

  @Test
  void aRedirectFromHttpsToHttpIsNotFollowed() throws Exception {
    Request request = new Request("GET", URI.create("https://example.test/a"), List.of(), null);
    Response toHttp =
        new Response(302, List.of(new Header("Location", "http://example.test/b")), new byte[0]);
    Response toOtherScheme =
        new Response(302, List.of(new Header("Location", "ftp://example.test/b")), new byte[0]);
    Response toHttps =
        new Response(302, List.of(new Header("Location", "https://example.test/b")), new byte[0]);
    assertThat(Redirects.next(request, toHttp)).isNull();
    assertThat(Redirects.next(request, toOtherScheme)).isNull();
    assertThat(Redirects.next(request, toHttps).uri())
        .isEqualTo(URI.create("https://example.test/b"));
  }

  private static void redirect(RawHttpServer.Exchange ex, int status, String location)
      throws java.io.IOException {
    ex.write(
        "HTTP/1.1 " + status + " R\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
  }

  private Map<?, ?> run(String providerJson, Object... args) {
    return (Map<?, ?>)
        provider.run(probe(providerJson.formatted(args)), ProviderContext.empty(dir));
  }
}
