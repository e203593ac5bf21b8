package dev.chaos4j.middleware.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.ActivityFailed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a call can go wrong ends the activity as failed, with one line saying why. */
class FailuresTest {
  private ChaosApp app;
  private Activities activities;

  @BeforeEach
  void start() {
    app = ChaosApp.start("shop");
    activities = new Activities(app.adminUrl());
  }

  @AfterEach
  void stop() {
    activities.close();
    app.close();
  }

  private static final Map<String, Object> ABORT = Map.of("route", "/a", "abort_status", 503);

  /** A loopback URL where nothing listens. */
  private static String closedPortUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/chaos4j";
    }
  }

  private String failure(Runnable activity) {
    try {
      activity.run();
    } catch (ActivityFailed e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("the activity did not fail");
  }

  @Test
  void aWrongTokenSaysTheTokenWasRefused() {
    activities.token("not-the-token-0123456789");

    String message = failure(() -> activities.action("start_attack", ABORT));

    assertThat(message)
        .isEqualTo(
            "ActivityFailed: "
                + app.adminUrl()
                + ": the admin API refused the token (401); check 'chaos4j_middleware_token'");
    assertThat(app.middleware.attacks()).isEmpty();
  }

  @Test
  void anUnreachableMiddlewareSaysItCannotConnect() throws IOException {
    String url = closedPortUrl();
    activities.configure(MiddlewareDriverExtension.URL, url);

    String message = failure(() -> activities.probe("middleware_status", Map.of()));

    assertThat(message).startsWith("ActivityFailed: " + url + ": cannot connect");
  }

  @Test
  void aMiddlewareOnAnUnknownHostSaysSo() {
    // .invalid never resolves (RFC 6761)
    String url = "http://no-such-host.invalid:9010/chaos4j";
    activities.configure(MiddlewareDriverExtension.URL, url);

    String message = failure(() -> activities.probe("middleware_status", Map.of()));

    assertThat(message).isEqualTo("ActivityFailed: " + url + ": cannot connect: unknown host");
  }

  @Test
  void aSlowMiddlewareFailsWithinTheConfiguredTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer silent =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    silent.createContext(
        "/",
        exchange -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    silent.start();
    try {
      activities
          .configure(
              MiddlewareDriverExtension.URL, "http://127.0.0.1:" + silent.getAddress().getPort())
          .configure(MiddlewareDriverExtension.TIMEOUT, 0.3);

      long started = System.nanoTime();
      String message = failure(() -> activities.probe("list_attacks", Map.of()));

      assertThat(message).endsWith("/chaos4j: no answer within 300 ms");
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }

  @Test
  void invalidArgumentsNameTheArgument() {
    assertThat(failure(() -> activities.action("start_attack", Map.of("route", "/a"))))
        .isEqualTo(
            "ActivityFailed: an attack needs an effect: give delay_ms (or delay_min_ms and"
                + " delay_max_ms), exception, or abort_status");
    assertThat(
            failure(
                () ->
                    activities.action(
                        "start_attack",
                        Map.of("route", "/a", "abort_status", 503, "probability", 2))))
        .isEqualTo("ActivityFailed: argument 'probability' must be a number in (0, 1], got 2");
    assertThat(
            failure(
                () -> activities.action("start_attack", Map.of("route", "/a", "delay_ms", "soon"))))
        .isEqualTo(
            "ActivityFailed: argument 'delay_ms' must be a whole number of milliseconds, 0 or"
                + " more, got 'soon'");
    assertThat(
            failure(
                () ->
                    activities.action(
                        "start_attack",
                        Map.of(
                            "route",
                            "/a",
                            "abort_status",
                            503,
                            "exception",
                            "java.io.IOException"))))
        .contains("give exception or abort_status, not both");
    assertThat(
            failure(() -> activities.action("start_attack", Map.of("route", "/a", "delay", 100))))
        .isEqualTo(
            "argument 'delay' is not part of the function signature in activity 'start_attack'");
    assertThat(app.middleware.attacks()).isEmpty();
  }

  @Test
  void anAttackOutsideTheGuardrailsIsRefusedWithTheMiddlewaresReason() {
    String message =
        failure(() -> activities.action("start_attack", Map.of("route", "/a", "delay_ms", 60_000)));

    assertThat(message).startsWith("ActivityFailed: " + app.adminUrl() + ": refused (422): ");
    assertThat(message).contains("max-delay");
  }

  @Test
  void anUnknownAttackIsReportedByTheProbeAndTheUpdate() {
    assertThat(failure(() -> activities.probe("attack_hits", Map.of("attack_id", "ghost"))))
        .isEqualTo("ActivityFailed: " + app.adminUrl() + ": 404: no attack 'ghost'");
    assertThat(
            failure(
                () ->
                    activities.action(
                        "update_attack", Map.of("attack_id", "ghost", "route", "/b"))))
        .isEqualTo("ActivityFailed: " + app.adminUrl() + ": 404: no attack 'ghost'");
  }

  @Test
  void aWrongAdminPathIsNotMistakenForAGoneAttack() {
    activities.configure(MiddlewareDriverExtension.URL, app.adminUrl() + "/nope");

    String message = failure(() -> activities.action("cancel_attack", Map.of("attack_id", "x")));

    assertThat(message).contains("404: no such endpoint");
  }

  @Test
  void missingConfigurationSaysWhichKeyToSet() {
    activities.unconfigure(MiddlewareDriverExtension.URL);
    assertThat(failure(() -> activities.probe("list_attacks", Map.of())))
        .startsWith(
            "ActivityFailed: no chaos4j middleware to drive: set configuration"
                + " 'chaos4j_middleware_url'");

    activities.configure(MiddlewareDriverExtension.URL, app.adminUrl()).token(null);
    assertThat(failure(() -> activities.probe("list_attacks", Map.of())))
        .startsWith(
            "ActivityFailed: no token for the chaos4j middleware admin API: set secret"
                + " 'chaos4j_middleware_token'");

    activities.configure(MiddlewareDriverExtension.URL, "ftp://host/x");
    assertThat(failure(() -> activities.probe("list_attacks", Map.of())))
        .contains("'ftp://host/x' is not an http(s) URL");
  }

  @Test
  void theTokenMayComeFromTheConfiguration() {
    activities.token(null).configure(MiddlewareDriverExtension.TOKEN, ChaosApp.TOKEN);

    assertThat(activities.probe("list_attacks", Map.of())).isEqualTo(List.of());
  }

  @Test
  void aUrlWithoutPathGetsTheDefaultAdminPath() {
    String bare = app.adminUrl().replace("/chaos4j", "/");
    activities.configure(MiddlewareDriverExtension.URL, bare);

    assertThat(activities.probe("list_attacks", Map.of())).isEqualTo(List.of());
  }
}
