package dev.chaos4j.middleware.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One call applied to a fleet of middlewares. */
class FleetTest {
  private ChaosApp first;
  private ChaosApp second;

  @BeforeEach
  void start() {
    first = ChaosApp.start("shop");
    second = ChaosApp.start("shop");
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
  }

  @Test
  void startAttackReachesEveryMiddlewareWithOneId() {
    try (Activities activities = new Activities(first.adminUrl(), second.adminUrl())) {
      Object started =
          activities.action("start_attack", Map.of("route", "/a", "abort_status", 503));

      assertThat((List<?>) started).hasSize(2);
      Object id = ((Map<?, ?>) ((List<?>) started).get(0)).get("id");
      assertThat(((Map<?, ?>) ((List<?>) started).get(1)).get("id")).isEqualTo(id);
      assertThat(first.get("/a").statusCode()).isEqualTo(503);
      assertThat(second.get("/a").statusCode()).isEqualTo(503);
      second.get("/a");

      assertThat(activities.probe("attack_hits", Map.of("attack_id", id))).isEqualTo(3L);
      assertThat((List<?>) activities.probe("middleware_status", Map.of())).hasSize(2);

      activities.action("cancel_attack", Map.of("attack_id", id));
      assertThat(first.get("/a").statusCode()).isEqualTo(200);
      assertThat(second.get("/a").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aCommaSeparatedStringIsAFleetToo() {
    try (Activities activities = new Activities(first.adminUrl() + ", " + second.adminUrl())) {
      assertThat((List<?>) activities.probe("list_attacks", Map.of())).hasSize(2);
    }
  }

  @Test
  void aFailureOnOneMiddlewareFailsTheActivityAndNamesIt() throws IOException {
    String dead;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = "http://127.0.0.1:" + socket.getLocalPort() + "/chaos4j";
    }
    try (Activities activities = new Activities(first.adminUrl(), dead, second.adminUrl())) {
      assertThatThrownBy(
              () -> activities.action("start_attack", Map.of("route", "/a", "abort_status", 503)))
          .isInstanceOf(ActivityFailed.class)
          .hasMessageStartingWith(
              "ActivityFailed: failed on 1 of 3 middlewares: " + dead + ": cannot connect")
          .hasMessageEndingWith("; succeeded on " + first.adminUrl() + ", " + second.adminUrl());
    }
    assertThat(first.get("/a").statusCode()).isEqualTo(503);
  }

  @Test
  void theSameFailureEverywhereIsSaidOnce() {
    try (Activities activities = new Activities(first.adminUrl(), second.adminUrl())) {
      activities.token("wrong-token-0123456789");

      assertThatThrownBy(() -> activities.probe("list_attacks", Map.of()))
          .hasMessage(
              "ActivityFailed: failed on 2 of 2 middlewares: "
                  + first.adminUrl()
                  + ", "
                  + second.adminUrl()
                  + ": the admin API refused the token (401); check 'chaos4j_middleware_token'");
    }
  }
}
