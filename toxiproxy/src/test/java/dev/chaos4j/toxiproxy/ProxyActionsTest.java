package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyActionsTest {
  private static final String MODULE = "chaostoxi.proxy.actions";

  private Chaostoxi toxi;

  @BeforeEach
  void start() throws IOException {
    toxi = new Chaostoxi();
  }

  @AfterEach
  void stop() throws IOException {
    toxi.close();
  }

  private Map<String, Object> createArguments(String name, Object host, Object port) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("proxy_name", name);
    arguments.put("upstream_host", host);
    arguments.put("upstream_port", port);
    arguments.put("listen_host", "127.0.0.1");
    return arguments;
  }

  private int listenPort(String proxy) throws InterruptedException {
    String listen = (String) toxi.client.proxy(proxy).get("listen");
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }

  @Test
  void createProxyForwardsTrafficToTheUpstreamFromAFreePort() throws Exception {
    Object created =
        toxi.run(
            MODULE, "create_proxy", createArguments("users", "127.0.0.1", toxi.upstream().port()));

    assertThat(created).isEqualTo(true);
    Map<String, Object> proxy = toxi.client.proxy("users");
    assertThat(proxy).containsEntry("upstream", "127.0.0.1:" + toxi.upstream().port());
    assertThat(proxy).containsEntry("enabled", true);
    assertThat(EchoServer.roundTrip(listenPort("users"), "hello")).isEqualTo("hello");
  }

  @Test
  void createProxySetsTheProxyPortForLaterEnvLookups() throws Exception {
    toxi.run(MODULE, "create_proxy", createArguments("inner", "127.0.0.1", toxi.upstream().port()));

    // the second proxy's upstream is the first proxy, found through inner_PORT
    toxi.run(MODULE, "create_proxy", createArguments("outer", "127.0.0.1", "env:inner_PORT"));

    assertThat(toxi.client.proxy("outer"))
        .containsEntry("upstream", "127.0.0.1:" + listenPort("inner"));
    assertThat(EchoServer.roundTrip(listenPort("outer"), "through both")).isEqualTo("through both");
  }

  @Test
  void anUnsetEnvironmentVariableFailsTheActivityNamingIt() throws IOException {
    String message =
        toxi.failure(
            MODULE,
            "create_proxy",
            createArguments("users", "env:CHAOS4J_SURELY_UNSET_HOST", toxi.upstream().port()));

    assertThat(message)
        .contains("upstream_host 'env:CHAOS4J_SURELY_UNSET_HOST'")
        .contains("CHAOS4J_SURELY_UNSET_HOST, which is unset");
  }

  @Test
  void createProxyCanCreateItDisabled() throws Exception {
    Map<String, Object> arguments = createArguments("users", "127.0.0.1", toxi.upstream().port());
    arguments.put("enabled", false);

    toxi.run(MODULE, "create_proxy", arguments);

    assertThat(toxi.client.proxy("users")).containsEntry("enabled", false);
  }

  @Test
  void aProxyThatExistsAlreadyIsAFailedActivityWithTheServersMessage() throws Exception {
    toxi.proxy("users", toxi.upstream().port());

    String message = toxi.failure(MODULE, "create_proxy", createArguments("users", "127.0.0.1", 1));

    assertThat(message).contains("HTTP 409").contains("proxy already exists");
  }

  @Test
  void disableProxyTakesTheServiceDownAndEnableProxyBringsItBack() throws Exception {
    int port = toxi.proxy("users", toxi.upstream().port());

    assertThat(toxi.run(MODULE, "disable_proxy", Map.of("proxy_name", "users"))).isEqualTo(true);
    assertThat(toxi.client.proxy("users")).containsEntry("enabled", false);
    assertThatThrownBy(() -> EchoServer.roundTrip(port, "anyone?")).isInstanceOf(IOException.class);

    assertThat(toxi.run(MODULE, "enable_proxy", Map.of("proxy_name", "users"))).isEqualTo(true);
    assertThat(EchoServer.roundTrip(port, "back")).isEqualTo("back");
  }

  @Test
  void modifyProxyChangesOnlyTheFieldsGiven() throws Exception {
    toxi.proxy("users", toxi.upstream().port());
    try (EchoServer other = new EchoServer()) {
      toxi.run(
          MODULE,
          "modify_proxy",
          Map.of("proxy_name", "users", "upstream_address", "127.0.0.1:" + other.port()));

      Map<String, Object> proxy = toxi.client.proxy("users");
      assertThat(proxy).containsEntry("upstream", "127.0.0.1:" + other.port());
      assertThat(proxy).containsEntry("enabled", true);
      assertThat(EchoServer.roundTrip(listenPort("users"), "moved")).isEqualTo("moved");
    }
  }

  @Test
  void changingAnUnknownProxyIsAFailedActivityWithTheServersMessage() {
    String message = toxi.failure(MODULE, "disable_proxy", Map.of("proxy_name", "nobody"));

    assertThat(message)
        .startsWith("ToxiproxyError: ")
        .contains("HTTP 404")
        .contains("proxy not found")
        .contains("POST /proxies/nobody");
  }

  @Test
  void deleteProxyRemovesItAndIgnoresAProxyThatIsGone() throws Exception {
    toxi.proxy("users", toxi.upstream().port());

    assertThat(toxi.run(MODULE, "delete_proxy", Map.of("proxy_name", "users"))).isNull();
    assertThat(toxi.client.proxies()).doesNotContainKey("users");

    assertThat(toxi.run(MODULE, "delete_proxy", Map.of("proxy_name", "users"))).isNull();
  }

  @Test
  void resetEnablesEveryProxyAndRemovesEveryToxic() throws Exception {
    toxi.proxy("users", toxi.upstream().port());
    toxi.client.updateProxy("users", Map.of("enabled", false));
    toxi.client.createToxic("users", Map.of("type", "latency", "attributes", Map.of()));

    assertThat(toxi.run(MODULE, "reset", Map.of())).isEqualTo(true);

    Map<String, Object> proxy = toxi.client.proxy("users");
    assertThat(proxy).containsEntry("enabled", true);
    assertThat((List<?>) proxy.get("toxics")).isEmpty();
  }
}
