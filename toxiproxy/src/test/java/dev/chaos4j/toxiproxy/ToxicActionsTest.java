package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToxicActionsTest {
  private static final String MODULE = "chaostoxi.toxic.actions";

  private Chaostoxi toxi;
  private int port;

  @BeforeEach
  void start() throws Exception {
    toxi = new Chaostoxi();
    port = toxi.proxy("users", toxi.upstream().port());
  }

  @AfterEach
  void stop() throws IOException {
    toxi.close();
  }

  private static Map<String, Object> arguments(Object... pairs) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("for_proxy", "users");
    for (int i = 0; i < pairs.length; i += 2) {
      arguments.put((String) pairs[i], pairs[i + 1]);
    }
    return arguments;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> onlyToxic() throws InterruptedException {
    List<Object> toxics = toxi.client.toxics("users");
    assertThat(toxics).hasSize(1);
    return (Map<String, Object>) toxics.get(0);
  }

  @Test
  void createToxicAddsAToxicOfAnyTypeAsDescribed() throws Exception {
    Object created =
        toxi.run(
            MODULE,
            "create_toxic",
            arguments(
                "toxic_name",
                "resets",
                "toxic_type",
                "reset_peer",
                "stream",
                "upstream",
                "toxicity",
                0.5,
                "attributes",
                Map.of("timeout", 100)));

    assertThat(created).isEqualTo(true);
    Map<String, Object> toxic = onlyToxic();
    assertThat(toxic)
        .containsEntry("name", "resets")
        .containsEntry("type", "reset_peer")
        .containsEntry("stream", "upstream")
        .containsEntry("toxicity", 0.5)
        .containsEntry("attributes", Map.of("timeout", 100));
  }

  @Test
  void createToxicDefaultsToAllDownstreamConnectionsAndTheTypesDefaultAttributes()
      throws Exception {
    toxi.run(MODULE, "create_toxic", arguments("toxic_name", "slow", "toxic_type", "latency"));

    assertThat(onlyToxic())
        .containsEntry("stream", "downstream")
        .containsEntry("toxicity", 1)
        .containsEntry("attributes", Map.of("latency", 0, "jitter", 0));
  }

  @Test
  void aLatencyToxicDelaysTheAnswers() throws Exception {
    toxi.run(MODULE, "create_latency_toxic", arguments("toxic_name", "slow", "latency", 300));

    long start = System.nanoTime();
    assertThat(EchoServer.roundTrip(port, "late")).isEqualTo("late");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
  }

  @Test
  void aLimiterToxicClosesTheConnectionAfterTheLimit() throws Exception {
    toxi.run(MODULE, "create_limiter_toxic", arguments("toxic_name", "cut", "bytes_limit", 3));

    assertThatThrownBy(() -> EchoServer.roundTrip(port, "too long"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'too'");
  }

  static Stream<Arguments> helpers() {
    return Stream.of(
        Arguments.of(
            "create_latency_toxic",
            Map.of("latency", 100, "jitter", 5),
            "latency",
            Map.of("latency", 100, "jitter", 5)),
        Arguments.of(
            "create_latency_toxic",
            Map.of("latency", 100),
            "latency",
            Map.of("latency", 100, "jitter", 0)),
        Arguments.of(
            "create_bandwith_degradation_toxic",
            Map.of("rate", 10),
            "bandwidth",
            Map.of("rate", 10)),
        Arguments.of(
            "create_slow_connection_close_toxic",
            Map.of("delay", 700),
            "slow_close",
            Map.of("delay", 700)),
        Arguments.of(
            "create_timeout_toxic", Map.of("timeout", 500), "timeout", Map.of("timeout", 500)),
        Arguments.of(
            "create_slicer_toxic",
            Map.of("average_size", 10, "size_variation", 3, "delay", 20),
            "slicer",
            Map.of("average_size", 10, "size_variation", 3, "delay", 20)),
        Arguments.of(
            "create_limiter_toxic",
            Map.of("bytes_limit", 1000),
            "limit_data",
            Map.of("bytes", 1000)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("helpers")
  void eachHelperAddsItsToxicDownstreamOnEveryConnection(
      String function, Map<String, Object> given, String type, Map<String, Object> attributes)
      throws Exception {
    Map<String, Object> arguments = arguments("toxic_name", "t");
    arguments.putAll(given);

    assertThat(toxi.run(MODULE, function, arguments)).isEqualTo(true);

    assertThat(onlyToxic())
        .containsEntry("name", "t")
        .containsEntry("type", type)
        .containsEntry("stream", "downstream")
        .containsEntry("toxicity", 1)
        .containsEntry("attributes", attributes);
  }

  @Test
  void aToxicOnAnUnknownProxyIsAFailedActivityWithTheServersMessage() {
    Map<String, Object> arguments = arguments("toxic_name", "slow", "toxic_type", "latency");
    arguments.put("for_proxy", "nobody");

    String message = toxi.failure(MODULE, "create_toxic", arguments);

    assertThat(message).contains("HTTP 404").contains("proxy not found");
  }

  @Test
  void anUnknownToxicTypeIsAFailedActivityWithTheServersMessage() {
    String message =
        toxi.failure(MODULE, "create_toxic", arguments("toxic_name", "x", "toxic_type", "down"));

    assertThat(message).contains("HTTP 400").contains("invalid toxic type");
  }

  @Test
  void aToxicNameInUseIsAFailedActivityWithTheServersMessage() {
    toxi.run(MODULE, "create_latency_toxic", arguments("toxic_name", "slow", "latency", 10));

    String message =
        toxi.failure(MODULE, "create_latency_toxic", arguments("toxic_name", "slow", "latency", 1));

    assertThat(message).contains("HTTP 409").contains("toxic already exists");
  }

  @Test
  void updateToxicChangesToxicityAndMergesAttributes() throws Exception {
    toxi.run(
        MODULE,
        "create_latency_toxic",
        arguments("toxic_name", "slow", "latency", 100, "jitter", 5));

    Object updated =
        toxi.run(
            MODULE,
            "update_toxic",
            arguments("toxic_name", "slow", "toxicity", 0.25, "attributes", Map.of("latency", 7)));

    assertThat(updated).isEqualTo(true);
    assertThat(onlyToxic())
        .containsEntry("toxicity", 0.25)
        .containsEntry("attributes", Map.of("latency", 7, "jitter", 5));
  }

  @Test
  void updateToxicWithoutToxicityKeepsIt() throws Exception {
    toxi.run(
        MODULE,
        "create_toxic",
        arguments("toxic_name", "slow", "toxic_type", "latency", "toxicity", 0.5));

    toxi.run(
        MODULE,
        "update_toxic",
        arguments("toxic_name", "slow", "attributes", Map.of("latency", 3)));

    assertThat(onlyToxic()).containsEntry("toxicity", 0.5);
  }

  @Test
  void updatingAnUnknownToxicIsAFailedActivityWithTheServersMessage() {
    String message =
        toxi.failure(MODULE, "update_toxic", arguments("toxic_name", "nothing", "toxicity", 1));

    assertThat(message).contains("HTTP 404").contains("toxic not found");
  }

  @Test
  void deleteToxicRemovesItThenSaysFalseWhenItIsGone() throws Exception {
    toxi.run(MODULE, "create_latency_toxic", arguments("toxic_name", "slow", "latency", 300));

    assertThat(toxi.run(MODULE, "delete_toxic", arguments("toxic_name", "slow"))).isEqualTo(true);
    assertThat(toxi.client.toxics("users")).isEmpty();
    assertThat(EchoServer.roundTrip(port, "fast again")).isEqualTo("fast again");

    assertThat(toxi.run(MODULE, "delete_toxic", arguments("toxic_name", "slow"))).isEqualTo(false);
  }
}
