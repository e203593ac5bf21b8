package dev.chaos4j.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidActivity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The module names of the extension's unreleased first version ({@code toxiproxy.*}), as the seed
 * experiment {@code examples/user-service-down} uses them.
 */
class LegacyModulesTest {
  private static final String PROXY_ACTIONS = "toxiproxy.proxy.actions";

  /** The seed's method. */
  private static final Map<String, Object> DOWN =
      Map.of("for_proxy", "user_dev", "toxic_name", "user_down", "toxic_type", "down");

  /** The seed's rollback, named "delete_toxic": the same call without a toxic_type. */
  private static final Map<String, Object> UNDO =
      Map.of("for_proxy", "user_dev", "toxic_name", "user_down");

  private Chaostoxi toxi;
  private int port;

  @BeforeEach
  void start() throws Exception {
    toxi = new Chaostoxi();
    port = toxi.proxy("user_dev", toxi.upstream().port());
  }

  @AfterEach
  void stop() throws IOException {
    toxi.close();
  }

  @Test
  void theSeedsActivitiesAreValid() {
    toxi.validate(PROXY_ACTIONS, "create_toxic", DOWN);
    toxi.validate(PROXY_ACTIONS, "create_toxic", UNDO);
  }

  @Test
  void unknownArgumentsAreStillRefusedByValidation() {
    assertThatThrownBy(
            () ->
                toxi.validate(
                    PROXY_ACTIONS, "create_toxic", Map.of("for_proxy", "p", "toxic", "x")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("required argument 'toxic_name' is missing from activity 'create_toxic'");
  }

  @Test
  void aDownToxicTakesTheServiceDown() throws Exception {
    assertThat(toxi.run(PROXY_ACTIONS, "create_toxic", DOWN)).isEqualTo(true);

    assertThat(toxi.client.proxy("user_dev")).containsEntry("enabled", false);
    assertThatThrownBy(() -> EchoServer.roundTrip(port, "anyone?")).isInstanceOf(IOException.class);
  }

  @Test
  void theRollbackBringsTheServiceBack() throws Exception {
    toxi.run(PROXY_ACTIONS, "create_toxic", DOWN);

    assertThat(toxi.run(PROXY_ACTIONS, "create_toxic", UNDO)).isEqualTo(true);

    assertThat(toxi.client.proxy("user_dev")).containsEntry("enabled", true);
    assertThat(EchoServer.roundTrip(port, "back")).isEqualTo("back");
  }

  @Test
  void theRollbackIsSafeToRepeatAndAfterAMethodThatDidNothing() throws Exception {
    assertThat(toxi.run(PROXY_ACTIONS, "create_toxic", UNDO)).isEqualTo(true);
    assertThat(toxi.run(PROXY_ACTIONS, "create_toxic", UNDO)).isEqualTo(true);

    assertThat(toxi.client.proxy("user_dev")).containsEntry("enabled", true);
    assertThat(EchoServer.roundTrip(port, "fine")).isEqualTo("fine");
  }

  @Test
  void theRollbackRemovesARealToxicOfThatNameAndKeepsTheOthers() throws Exception {
    toxi.run(
        PROXY_ACTIONS,
        "create_toxic",
        Map.of(
            "for_proxy",
            "user_dev",
            "toxic_name",
            "user_down",
            "toxic_type",
            "latency",
            "attributes",
            Map.of("latency", 1000)));
    toxi.client.createToxic(
        "user_dev", Map.of("name", "other", "type", "latency", "attributes", Map.of()));

    toxi.run(PROXY_ACTIONS, "create_toxic", UNDO);

    List<Object> names =
        toxi.client.toxics("user_dev").stream()
            .map(t -> (Object) ((Map<?, ?>) t).get("name"))
            .toList();
    assertThat(names).containsExactly("other");
  }

  @Test
  void theRollbackOfAnUnknownProxyIsAFailedActivityWithTheServersMessage() {
    String message =
        toxi.failure(
            PROXY_ACTIONS, "create_toxic", Map.of("for_proxy", "nobody", "toxic_name", "x"));

    assertThat(message).contains("HTTP 404").contains("proxy not found");
  }

  @Test
  void attributesWithoutAToxicTypeAreAFailedActivityRatherThanAnUndo() throws Exception {
    toxi.run(PROXY_ACTIONS, "create_toxic", DOWN);

    String message =
        toxi.failure(
            PROXY_ACTIONS,
            "create_toxic",
            Map.of(
                "for_proxy",
                "user_dev",
                "toxic_name",
                "user_down",
                "attributes",
                Map.of("latency", 1)));

    assertThat(message).contains("no toxic_type");
    assertThat(toxi.client.proxy("user_dev")).containsEntry("enabled", false);
  }

  @Test
  void theLegacyToxicModuleHasTheSameCreateToxicAndTheHelpers() throws Exception {
    toxi.run(
        "toxiproxy.toxic.actions",
        "create_latency_toxic",
        Map.of("for_proxy", "user_dev", "toxic_name", "slow", "latency", 10));
    toxi.run("toxiproxy.toxic.actions", "create_toxic", DOWN);
    assertThat(toxi.client.proxy("user_dev")).containsEntry("enabled", false);

    toxi.run(
        "toxiproxy.toxic.actions",
        "create_toxic",
        Map.of("for_proxy", "user_dev", "toxic_name", "slow"));

    Map<String, Object> proxy = toxi.client.proxy("user_dev");
    assertThat(proxy).containsEntry("enabled", true);
    assertThat((List<?>) proxy.get("toxics")).isEmpty();
  }

  @Test
  void theLegacyProxyModuleHasTheProxyActions() throws Exception {
    toxi.run(PROXY_ACTIONS, "disable_proxy", Map.of("proxy_name", "user_dev"));

    assertThat(toxi.client.proxy("user_dev")).containsEntry("enabled", false);
  }

  @Test
  void theChaostoxiCreateToxicKnowsNoDownToxic() {
    String message =
        toxi.failure(
            "chaostoxi.toxic.actions",
            "create_toxic",
            Map.of("for_proxy", "user_dev", "toxic_name", "user_down", "toxic_type", "down"));

    assertThat(message).contains("HTTP 400").contains("invalid toxic type");
  }
}
