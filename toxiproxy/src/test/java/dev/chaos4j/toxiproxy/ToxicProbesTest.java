package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToxicProbesTest {
  private static final String MODULE = "chaostoxi.toxic.probes";

  private Chaostoxi toxi;

  @BeforeEach
  void start() throws InterruptedException {
    toxi = new Chaostoxi();
    toxi.proxy("users", 9);
    toxi.client.createToxic(
        "users", Map.of("name", "slow", "type", "latency", "attributes", Map.of("latency", 250)));
  }

  @AfterEach
  void stop() throws IOException {
    toxi.close();
  }

  private Object attribute(String toxic, String attribute) {
    return toxi.run(
        MODULE,
        "get_toxic_attribute",
        Map.of("for_proxy", "users", "toxic_name", toxic, "attribute", attribute));
  }

  @Test
  void getToxicsListsTheProxysToxicsAsTheApiDescribesThem() {
    Object toxics = toxi.run(MODULE, "get_toxics", Map.of("for_proxy", "users"));

    assertThat(toxics)
        .isEqualTo(
            List.of(
                Map.of(
                    "attributes",
                    Map.of("latency", 250, "jitter", 0),
                    "name",
                    "slow",
                    "type",
                    "latency",
                    "stream",
                    "downstream",
                    "toxicity",
                    1)));
  }

  @Test
  void toxicExistsTellsWhetherTheProxyHasAToxicOfThatName() {
    assertThat(toxi.run(MODULE, "toxic_exists", Map.of("for_proxy", "users", "toxic_name", "slow")))
        .isEqualTo(true);
    assertThat(toxi.run(MODULE, "toxic_exists", Map.of("for_proxy", "users", "toxic_name", "fast")))
        .isEqualTo(false);
  }

  @Test
  void getToxicAttributeReadsTheToxicsFieldsAndItsAttributes() {
    assertThat(attribute("slow", "type")).isEqualTo("latency");
    assertThat(attribute("slow", "toxicity")).isEqualTo(1);
    assertThat(attribute("slow", "latency")).isEqualTo(250);
    assertThat(attribute("slow", "attributes")).isEqualTo(Map.of("latency", 250, "jitter", 0));
  }

  @Test
  void getToxicAttributeOfAnUnknownToxicIsNull() {
    assertThat(attribute("fast", "latency")).isNull();
  }

  @Test
  void anUnknownAttributeIsAFailedActivityListingTheKnownOnes() {
    String message =
        toxi.failure(
            MODULE,
            "get_toxic_attribute",
            Map.of("for_proxy", "users", "toxic_name", "slow", "attribute", "rate"));

    assertThat(message)
        .contains("toxic 'slow' of proxy 'users' has no attribute 'rate'")
        .contains("latency, jitter");
  }

  @Test
  void probingTheToxicsOfAnUnknownProxyIsAFailedActivityWithTheServersMessage() {
    String message =
        toxi.failure(MODULE, "toxic_exists", Map.of("for_proxy", "nobody", "toxic_name", "slow"));

    assertThat(message).contains("HTTP 404").contains("proxy not found");
  }
}
