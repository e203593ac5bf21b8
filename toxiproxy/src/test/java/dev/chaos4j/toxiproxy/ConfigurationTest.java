package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the functions find the API: the configuration keys toxiproxy_url, _host and _port. */
class ConfigurationTest {
  private Chaostoxi toxi;

  @BeforeEach
  void start() throws InterruptedException {
    toxi = new Chaostoxi();
    toxi.proxy("users", 9);
  }

  @AfterEach
  void stop() throws IOException {
    toxi.close();
  }

  private Object proxyExists() {
    return toxi.run("chaostoxi.proxy.probes", "proxy_exist", Map.of("proxy_name", "users"));
  }

  @Test
  void hostAndPortNameTheApi() {
    toxi.configure(Map.of("toxiproxy_host", "127.0.0.1", "toxiproxy_port", toxi.server.port()));

    assertThat(proxyExists()).isEqualTo(true);
  }

  @Test
  void aPortGivenAsTextWorksToo() {
    toxi.configure(
        Map.of("toxiproxy_host", "127.0.0.1", "toxiproxy_port", "" + toxi.server.port()));

    assertThat(proxyExists()).isEqualTo(true);
  }

  @Test
  void theUrlWinsOverHostAndPort() {
    toxi.configure(
        Map.of(
            "toxiproxy_url",
            toxi.server.url().toString(),
            "toxiproxy_host",
            "nowhere.invalid",
            "toxiproxy_port",
            1));

    assertThat(proxyExists()).isEqualTo(true);
  }

  @Test
  void theDefaultsAreLocalhostAndPort8474() {
    UnaryOperator<String> noVariables = name -> null;
    assertThat(ApiLocation.baseUrl(Map.of(), noVariables)).isEqualTo("http://localhost:8474");
    assertThat(ApiLocation.baseUrl(null, noVariables)).isEqualTo("http://localhost:8474");
    Map<String, Object> blank = new HashMap<>();
    blank.put("toxiproxy_host", null);
    blank.put("toxiproxy_port", null);
    blank.put("toxiproxy_url", "");
    assertThat(ApiLocation.baseUrl(blank, noVariables)).isEqualTo("http://localhost:8474");
    assertThat(ApiLocation.baseUrl(Map.of("toxiproxy_host", "toxi"), noVariables))
        .isEqualTo("http://toxi:8474");
    assertThat(ApiLocation.baseUrl(Map.of("toxiproxy_port", 9), noVariables))
        .isEqualTo("http://localhost:9");
    assertThat(
            ApiLocation.baseUrl(Map.of("toxiproxy_host", "::1", "toxiproxy_port", 9), noVariables))
        .isEqualTo("http://[::1]:9");
  }

  @Test
  void withoutHostNorPortTheToxiproxyUrlVariableNamesTheApi() {
    UnaryOperator<String> variables =
        name -> name.equals("TOXIPROXY_URL") ? "http://toxi.example:8474" : null;

    assertThat(ApiLocation.baseUrl(Map.of(), variables)).isEqualTo("http://toxi.example:8474");
    assertThat(ApiLocation.baseUrl(Map.of("toxiproxy_port", 9), variables))
        .isEqualTo("http://localhost:9");
    assertThat(ApiLocation.baseUrl(Map.of("toxiproxy_url", "http://other:1"), variables))
        .isEqualTo("http://other:1");
  }

  @Test
  void anApiThatIsNotThereIsAFailedActivityNamingItsUrl() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    toxi.configure(Map.of("toxiproxy_host", "127.0.0.1", "toxiproxy_port", port));

    String message =
        toxi.failure("chaostoxi.proxy.probes", "proxy_exist", Map.of("proxy_name", "users"));

    assertThat(message)
        .startsWith(
            "ToxiproxyError: cannot reach Toxiproxy at http://127.0.0.1:"
                + port
                + " (GET /proxies/users): connection refused or unreachable");
  }
}
