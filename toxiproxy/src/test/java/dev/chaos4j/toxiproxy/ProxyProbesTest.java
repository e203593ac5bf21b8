package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyProbesTest {
  private static final String MODULE = "chaostoxi.proxy.probes";

  private Chaostoxi toxi;
  private int port;

  @BeforeEach
  void start() throws InterruptedException {
    toxi = new Chaostoxi();
    port = toxi.proxy("users", 9);
  }

  @AfterEach
  void stop() throws IOException {
    toxi.close();
  }

  @Test
  void proxyExistTellsWhetherTheProxyIsThere() {
    assertThat(toxi.run(MODULE, "proxy_exist", Map.of("proxy_name", "users"))).isEqualTo(true);
    assertThat(toxi.run(MODULE, "proxy_exist", Map.of("proxy_name", "nobody"))).isEqualTo(false);
  }

  @Test
  void getProxyAttributeReadsTheProxysFields() {
    assertThat(
            toxi.run(
                MODULE,
                "get_proxy_attribute",
                Map.of("proxy_name", "users", "attribute", "listen")))
        .isEqualTo("127.0.0.1:" + port);
    assertThat(
            toxi.run(
                MODULE,
                "get_proxy_attribute",
                Map.of("proxy_name", "users", "attribute", "enabled")))
        .isEqualTo(true);
    assertThat(
            toxi.run(
                MODULE,
                "get_proxy_attribute",
                Map.of("proxy_name", "users", "attribute", "toxics")))
        .isEqualTo(List.of());
  }

  @Test
  void getProxyAttributeOfAnUnknownProxyIsNull() {
    assertThat(
            toxi.run(
                MODULE,
                "get_proxy_attribute",
                Map.of("proxy_name", "nobody", "attribute", "listen")))
        .isNull();
  }

  @Test
  void anUnknownAttributeIsAFailedActivityListingTheKnownOnes() {
    String message =
        toxi.failure(
            MODULE, "get_proxy_attribute", Map.of("proxy_name", "users", "attribute", "lisen"));

    assertThat(message)
        .contains("proxy 'users' has no attribute 'lisen'")
        .contains("name, listen, upstream, enabled, toxics");
  }
}
