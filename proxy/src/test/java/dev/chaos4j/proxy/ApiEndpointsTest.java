package dev.chaos4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint of Toxiproxy's API, called with plain HTTP: statuses, bodies, error shapes. */
class ApiEndpointsTest {

  private static final String ERROR_TYPE = "text/plain; charset=utf-8";

  private FaultProxyServer server;
  private Api api;
  private TcpServer upstream;

  @BeforeEach
  void start() throws IOException {
    server = FaultProxyServer.start("127.0.0.1", 0);
    api = new Api(server);
    upstream = TcpServer.echo();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    upstream.close();
  }

  private static void assertError(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"" + message + "\",\"status\":" + status + "}\n");
    assertThat(response.headers().firstValue("Content-Type")).contains(ERROR_TYPE);
  }

  private static void assertJson(HttpResponse<String> response, int status, String body) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(body);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void versionAnswersToxiproxysVersionDocument() {
    HttpResponse<String> response = api.get("/version");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"version\": \"2.12.0\"}\n");
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json;charset=utf-8");
    assertThat(response.headers().firstValue("X-Toxiproxy-Request-Id"))
        .get()
        .asString()
        .hasSize(20);
  }

  @Test
  void createShowListAndDeleteAProxy() {
    HttpResponse<String> created =
        api.post(
            "/proxies",
            "{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + upstream.address()
                + "\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body())
        .matches(
            "\\{\"name\":\"db\",\"listen\":\"127\\.0\\.0\\.1:\\d+\",\"upstream\":\""
                + upstream.address()
                + "\",\"enabled\":true,\"toxics\":\\[\\]}");
    assertThat(created.body()).doesNotContain("127.0.0.1:0\"");

    String proxy = created.body();
    assertJson(api.get("/proxies/db"), 200, proxy);
    assertJson(api.get("/proxies"), 200, "{\"db\":" + proxy + "}");

    HttpResponse<String> deleted = api.delete("/proxies/db");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertJson(api.get("/proxies"), 200, "{}");
    assertError(api.delete("/proxies/db"), 404, "proxy not found");
    assertError(api.get("/proxies/db"), 404, "proxy not found");
  }

  @Test
  void aProxyWithoutListenAddressListensOnEveryInterfaceAndAFreePort() {
    HttpResponse<String> created = api.post("/proxies", "{\"name\":\"any\",\"upstream\":\"x:1\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).matches(".*\"listen\":\"\\[::]:\\d+\".*");
  }

  @Test
  void proxiesAreListedByName() {
    api.createProxy("b", upstream.address());
    api.createProxy("a", upstream.address());

    assertThat(api.get("/proxies").body()).startsWith("{\"a\":{\"name\":\"a\"");
  }

  @Test
  void createRefusesMissingFieldsDuplicatesAndBusyAddresses() throws IOException {
    assertError(
        api.post("/proxies", "{\"upstream\":\"x:1\"}"), 400, "missing required field: name");
    assertError(api.post("/proxies", "{\"name\":\"p\"}"), 400, "missing required field: upstream");
    api.createProxy("p", upstream.address());
    assertError(
        api.post("/proxies", "{\"name\":\"p\",\"upstream\":\"x:1\"}"), 409, "proxy already exists");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertError(
          api.post(
              "/proxies",
              "{\"name\":\"q\",\"listen\":\"127.0.0.1:"
                  + busy.getLocalPort()
                  + "\",\"upstream\":\"x:1\"}"),
          500,
          "listen tcp 127.0.0.1:" + busy.getLocalPort() + ": bind: address already in use");
    }
    assertError(
        api.post("/proxies", "{\"name\":\"r\",\"listen\":\"nocolon\",\"upstream\":\"x:1\"}"),
        500,
        "listen tcp: address nocolon: missing port in address");
  }

  @Test
  void malformedBodiesGetToxiproxysBadRequestShape() {
    assertError(api.post("/proxies", ""), 400, "bad request body: EOF");
    assertError(api.post("/proxies", "{\"name\":"), 400, "bad request body: unexpected EOF");
    assertError(
        api.post("/proxies", "{\"name\": }"),
        400,
        "bad request body: invalid character '}' looking for beginning of value");
    assertError(
        api.post("/proxies", "[1]"),
        400,
        "bad request body: json: cannot unmarshal array into Go value of type toxiproxy.Proxy");
    assertError(
        api.post("/proxies", "{\"name\":5}"),
        400,
        "bad request body: json: cannot unmarshal number into Go struct field Proxy.name of type"
            + " string");
    assertError(
        api.post("/proxies", "{\"name\":\"x\",\"upstream\":\"y:1\",\"enabled\":\"yes\"}"),
        400,
        "bad request body: json: cannot unmarshal string into Go struct field Proxy.enabled"
            + " of type bool");

    assertThat(api.get("/version").statusCode()).isEqualTo(200);
  }

  @Test
  void fieldNamesMatchCaseInsensitivelyAsInGo() {
    HttpResponse<String> created =
        api.post("/proxies", "{\"Name\":\"p\",\"LISTEN\":\"127.0.0.1:0\",\"Upstream\":\"x:1\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).startsWith("{\"name\":\"p\"");
  }

  @Test
  void aDisabledProxyRefusesConnectionsUntilEnabledAgain() throws IOException {
    int port = api.createProxy("p", upstream.address());

    HttpResponse<String> disabled = api.post("/proxies/p", "{\"enabled\":false}");
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(disabled.body()).contains("\"enabled\":false");
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);

    HttpResponse<String> enabled = api.patch("/proxies/p", "{\"enabled\":true}");
    assertThat(enabled.statusCode()).isEqualTo(200);
    assertThat(enabled.body())
        .contains("\"listen\":\"127.0.0.1:" + port + "\"", "\"enabled\":true");
    new Socket("127.0.0.1", port).close();
  }

  @Test
  void updatingTheUpstreamKeepsTheNameAndReportsTheNewAddress() {
    api.createProxy("p", upstream.address());

    HttpResponse<String> updated = api.patch("/proxies/p", "{\"upstream\":\"127.0.0.1:1\"}");

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.body()).contains("\"upstream\":\"127.0.0.1:1\"", "\"enabled\":true");
    assertError(api.patch("/proxies/nope", "{}"), 404, "proxy not found");
    assertError(
        api.patch("/proxies/p", "{\"enabled\":1}"),
        400,
        "bad request body: json: cannot unmarshal number into Go struct field Proxy.enabled of"
            + " type bool");
  }

  @Test
  void toxicCrudFollowsToxiproxy() {
    api.createProxy("p", upstream.address());
    assertJson(api.get("/proxies/p/toxics"), 200, "[]");

    HttpResponse<String> created =
        api.post("/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}");
    String latency =
        "{\"attributes\":{\"latency\":100,\"jitter\":0},\"name\":\"latency_downstream\","
            + "\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1}";
    assertJson(created, 200, latency);

    String up =
        "{\"attributes\":{\"rate\":5},\"name\":\"slow\",\"type\":\"bandwidth\","
            + "\"stream\":\"upstream\",\"toxicity\":0.5}";
    assertJson(
        api.post(
            "/proxies/p/toxics",
            "{\"name\":\"slow\",\"type\":\"bandwidth\","
                + "\"stream\":\"upstream\",\"toxicity\":0.5,\"attributes\":{\"rate\":5,\"unknown\":1}}"),
        200,
        up);

    assertJson(api.get("/proxies/p/toxics"), 200, "[" + up + "," + latency + "]");
    assertJson(api.get("/proxies/p/toxics/slow"), 200, up);
    assertThat(api.get("/proxies/p").body()).endsWith("\"toxics\":[" + up + "," + latency + "]}");

    assertJson(
        api.post(
            "/proxies/p/toxics/latency_downstream",
            "{\"attributes\":{\"jitter\":10},\"toxicity\":0.25}"),
        200,
        latency
            .replace("\"jitter\":0", "\"jitter\":10")
            .replace("\"toxicity\":1", "\"toxicity\":0.25"));
    assertJson(
        api.patch("/proxies/p/toxics/slow", "{\"toxicity\":1}"), 200, up.replace("0.5", "1"));

    assertThat(api.delete("/proxies/p/toxics/slow").statusCode()).isEqualTo(204);
    assertError(api.delete("/proxies/p/toxics/slow"), 404, "toxic not found");
    assertError(api.get("/proxies/p/toxics/slow"), 404, "toxic not found");
    assertError(api.patch("/proxies/p/toxics/slow", "{}"), 404, "toxic not found");
  }

  @Test
  void toxicCreationErrorsAreToxiproxys() {
    api.createProxy("p", upstream.address());
    api.addToxic("p", "{\"name\":\"t\",\"type\":\"timeout\",\"stream\":\"upstream\"}");

    assertError(
        api.post("/proxies/p/toxics", "{\"name\":\"t\",\"type\":\"latency\"}"),
        409,
        "toxic already exists");
    assertError(api.post("/proxies/p/toxics", "{\"type\":\"nope\"}"), 400, "invalid toxic type");
    assertError(
        api.post("/proxies/p/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"),
        400,
        "stream was invalid, can be either upstream or downstream");
    assertError(
        api.post(
            "/proxies/p/toxics",
            "{\"type\":\"latency\",\"attributes\":" + "{\"latency\":\"slow\"}}"),
        400,
        "bad request body: json: cannot unmarshal string into"
            + " Go struct field LatencyToxic.attributes.latency of type int64");
    assertError(
        api.post("/proxies/p/toxics", "{\"type\":\"slicer\",\"attributes\":" + "{\"delay\":1.5}}"),
        400,
        "bad request body: json: cannot unmarshal number 1.5 into"
            + " Go struct field SlicerToxic.attributes.delay of type int");
    assertError(
        api.post("/proxies/p/toxics", "not json"),
        400,
        "bad request body: invalid character 'n' looking for beginning of value");
    assertError(api.post("/proxies/nope/toxics", "{\"type\":\"latency\"}"), 404, "proxy not found");
    assertError(api.get("/proxies/nope/toxics"), 404, "proxy not found");
  }

  @Test
  void aToxicCanActOnBothStreams() {
    api.createProxy("p", upstream.address());

    assertJson(
        api.post("/proxies/p/toxics", "{\"type\":\"latency\",\"stream\":\"both\"}"),
        200,
        "{\"attributes\":{\"latency\":0,\"jitter\":0},\"name\":\"latency_both\","
            + "\"type\":\"latency\",\"stream\":\"both\",\"toxicity\":1}");
  }

  @Test
  void populateCreatesKeepsAndReplacesProxies() {
    api.createProxy("kept", upstream.address());
    String kept = api.get("/proxies/kept").body();
    String listen = kept.substring(kept.indexOf("\"listen\":\"") + 10, kept.indexOf("\",\"up"));
    api.addToxic("kept", "{\"type\":\"latency\"}");

    HttpResponse<String> populated =
        api.post(
            "/populate",
            "[{\"name\":\"kept\",\"listen\":\""
                + listen
                + "\",\"upstream\":\""
                + upstream.address()
                + "\"},{\"name\":\"new\",\"listen\":\"127.0.0.1:0\","
                + "\"upstream\":\"x:1\",\"enabled\":false}]");

    assertThat(populated.statusCode()).isEqualTo(201);
    assertThat(populated.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(populated.body())
        .startsWith(
            "{\"proxies\":["
                + kept.replace(
                    "\"toxics\":[]",
                    "\"toxics\":[{\"attributes\":{\"latency\":0,"
                        + "\"jitter\":0},\"name\":\"latency_downstream\",\"type\":\"latency\","
                        + "\"stream\":\"downstream\",\"toxicity\":1}]"))
        .endsWith(
            ",{\"name\":\"new\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"x:1\","
                + "\"enabled\":false,\"toxics\":[]}]}");
  }

  @Test
  void populateChecksEveryProxyBeforeCreatingAny() {
    HttpResponse<String> response =
        api.post("/populate", "[{\"name\":\"one\",\"upstream\":\"x:1\"},{\"upstream\":\"x:1\"}]");

    assertJson(
        response,
        400,
        "{\"error\":\"missing required field: name at proxy 2\",\"status\":400,\"proxies\":null}");
    assertJson(api.get("/proxies"), 200, "{}");
    assertJson(api.post("/populate", "[]"), 201, "{\"proxies\":null}");
    assertJson(
        api.post("/populate", "{}"),
        400,
        "{\"error\":\"bad request body: json: cannot unmarshal object into Go value of type "
            + "[]struct { toxiproxy.Proxy; Enabled *bool \\\"json:\\\\\\\"enabled\\\\\\\"\\\" }\","
            + "\"status\":400,\"proxies\":null}");
  }

  @Test
  void resetEnablesEveryProxyAndRemovesEveryToxic() throws IOException {
    int port = api.createProxy("p", upstream.address());
    api.addToxic("p", "{\"type\":\"latency\"}");
    api.post("/proxies/p", "{\"enabled\":false}");

    HttpResponse<String> reset = api.post("/reset", null);

    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(api.get("/proxies/p").body()).contains("\"enabled\":true", "\"toxics\":[]");
    new Socket("127.0.0.1", port).close();
  }

  @Test
  void routingFollowsGorillaMux() {
    HttpResponse<String> unknown = api.get("/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("404 page not found\n");

    HttpResponse<String> wrongMethod = api.delete("/version");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.body()).isEmpty();

    assertThat(api.get("/proxies/").statusCode()).isEqualTo(404);
    assertThat(api.get("/metrics").statusCode()).isEqualTo(404);

    HttpResponse<String> unclean = api.get("/proxies/../version");
    assertThat(unclean.statusCode()).isIn(200, 301);
  }

  @Test
  void browsersAreRefused() {
    HttpResponse<String> response =
        api.send(
            HttpRequest.newBuilder(server.url().resolve("/proxies"))
                .header("User-Agent", "Mozilla/5.0"),
            "GET",
            null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("User agent not allowed\n");
  }
}
