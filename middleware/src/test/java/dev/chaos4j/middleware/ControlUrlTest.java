package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling a real control server on loopback: fleet-wide attacks, and clearing on any failure. */
class ControlUrlTest {

  private static final Map<String, String> NO_HEADERS = Map.of();

  private HttpServer control;
  private ExecutorService controlThreads;
  private volatile int status = 200;
  private volatile String document = "{\"attacks\": []}";
  private volatile long stallMillis;
  private volatile Headers lastHeaders;
  private ChaosMiddleware middleware;

  @BeforeEach
  void startControlServer() throws IOException {
    control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    controlThreads = Executors.newCachedThreadPool();
    control.setExecutor(controlThreads);
    control.createContext(
        "/attacks",
        exchange -> {
          try (exchange) {
            lastHeaders = exchange.getRequestHeaders();
            if (stallMillis > 0) {
              try {
                Thread.sleep(stallMillis);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    control.start();
  }

  @AfterEach
  void stopEverything() {
    if (middleware != null) {
      middleware.close();
    }
    control.stop(0);
    controlThreads.shutdownNow();
  }

  private void startMiddleware(int maxBodyBytes) {
    URI url = URI.create("http://127.0.0.1:" + control.getAddress().getPort() + "/attacks");
    middleware =
        ChaosMiddleware.start(
            MiddlewareConfig.builder()
                .enabled(true)
                .identity("shop", "prod", "pod-1")
                .readyAfter(Duration.ZERO)
                .maxDelay(Duration.ofSeconds(5))
                .control(url, "control-token")
                .controlInterval(Duration.ofMillis(100))
                .controlTimeout(Duration.ofMillis(500))
                .controlMaxBodyBytes(maxBodyBytes)
                .build());
  }

  private void startMiddleware() {
    startMiddleware(64 * 1024);
  }

  private boolean attacks(String path) {
    AttackPlan plan = middleware.plan("GET", path, NO_HEADERS, Map::get);
    if (plan == null) {
      return false;
    }
    plan.close();
    return true;
  }

  private List<String> ids() {
    return middleware.attacks().stream().map(a -> a.spec().id()).toList();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10s");
      }
      Thread.sleep(20);
    }
  }

  private void serveTwoAttacks() throws InterruptedException {
    document =
        "{\"attacks\": ["
            + "{\"id\": \"orders\", \"route\": \"/orders\", \"abort\": {\"status\": 503}},"
            + "{\"id\": \"pod-1-only\", \"route\": \"/p\", \"instance\": \"pod-1\","
            + " \"delay\": {\"ms\": 1}},"
            + "{\"id\": \"pod-2-only\", \"instance\": \"pod-2\", \"abort\": {\"status\": 503}},"
            + "{\"id\": \"staging\", \"environment\": \"staging\", \"abort\": {\"status\": 503}}"
            + "]}";
    startMiddleware();
    await(() -> ids().size() == 2);
  }

  @Test
  void attacksTheControlUrlListsForThisInstanceAreInstalled() throws Exception {
    serveTwoAttacks();

    assertThat(ids()).containsExactly("orders", "pod-1-only");
    assertThat(middleware.attacks())
        .allSatisfy(a -> assertThat(a.source()).isEqualTo(AttackStatus.Source.CONTROL));
    assertThat(attacks("/orders")).isTrue();
    assertThat(attacks("/p")).isTrue();
    assertThat(attacks("/elsewhere")).isFalse();
    assertThat(middleware.status().control().lastError()).isNull();
  }

  @Test
  void eachPollSendsTheTokenAndThisInstancesIdentity() throws Exception {
    serveTwoAttacks();

    Headers headers = lastHeaders;
    assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer control-token");
    assertThat(headers.getFirst("X-Chaos4j-Application")).isEqualTo("shop");
    assertThat(headers.getFirst("X-Chaos4j-Environment")).isEqualTo("prod");
    assertThat(headers.getFirst("X-Chaos4j-Instance")).isEqualTo("pod-1");
  }

  @Test
  void anUnchangedAttackKeepsItsCountersAndExpiryAcrossPolls() throws Exception {
    serveTwoAttacks();
    AttackStatus before = middleware.attack("orders").orElseThrow();
    attacks("/orders");
    Thread.sleep(350);

    AttackStatus after = middleware.attack("orders").orElseThrow();
    assertThat(after.hits()).isEqualTo(1);
    assertThat(after.expiresAt()).isEqualTo(before.expiresAt());
  }

  @Test
  void anAttackTheControlUrlNoLongerListsIsRemoved() throws Exception {
    serveTwoAttacks();

    document =
        "{\"attacks\": [{\"id\": \"orders\", \"route\": \"/orders\", \"abort\":"
            + " {\"status\": 503}}]}";

    await(() -> ids().equals(List.of("orders")));
    assertThat(attacks("/p")).isFalse();
  }

  @Test
  void anErrorStatusClearsTheAttacks() throws Exception {
    serveTwoAttacks();

    status = 500;

    await(() -> ids().isEmpty());
    assertThat(attacks("/orders")).isFalse();
    assertThat(middleware.status().control().lastError()).isEqualTo("answered HTTP 500");
  }

  @Test
  void anAnswerThatIsNotJsonClearsTheAttacks() throws Exception {
    serveTwoAttacks();

    document = "<html>maintenance</html>";

    await(() -> ids().isEmpty());
    assertThat(middleware.status().control().lastError()).startsWith("invalid JSON");
  }

  @Test
  void aDocumentWithAnAttackOutsideTheGuardrailsClearsTheAttacks() throws Exception {
    serveTwoAttacks();

    document = "{\"attacks\": [{\"id\": \"slow\", \"delay\": {\"ms\": 60000}}]}";

    await(() -> ids().isEmpty());
    assertThat(middleware.status().control().lastError())
        .startsWith("delay of up to 60000 ms exceeds the maximum 5s");
  }

  @Test
  void aDocumentWithoutAnAttacksListClearsTheAttacks() throws Exception {
    serveTwoAttacks();

    document = "[]";

    await(() -> ids().isEmpty());
    assertThat(middleware.status().control().lastError())
        .isEqualTo("the answer is not an object with a list of \"attacks\"");
  }

  @Test
  void aControlUrlSlowerThanTheTimeoutClearsTheAttacks() throws Exception {
    serveTwoAttacks();

    stallMillis = 3000;

    await(() -> ids().isEmpty());
    assertThat(middleware.status().control().lastError()).isNotNull();
  }

  @Test
  void anUnreachableControlUrlClearsTheAttacks() throws Exception {
    serveTwoAttacks();

    control.stop(0);

    await(() -> ids().isEmpty());
    assertThat(attacks("/orders")).isFalse();
  }

  @Test
  void anAnswerLargerThanTheLimitClearsTheAttacks() throws Exception {
    document =
        "{\"attacks\": [{\"id\": \"big\", \"abort\": {\"status\": 503, \"body\": \""
            + "x".repeat(4000)
            + "\"}}]}";
    startMiddleware(1024);

    await(() -> middleware.status().control().lastError() != null);
    assertThat(middleware.status().control().lastError())
        .isEqualTo(
            "the answer is larger than 1024 bytes (chaos4j.middleware.control.max-body-bytes)");
    assertThat(ids()).isEmpty();
  }

  @Test
  void theAttacksComeBackWhenTheControlUrlAnswersAgain() throws Exception {
    serveTwoAttacks();
    status = 503;
    await(() -> ids().isEmpty());

    status = 200;

    await(() -> ids().size() == 2);
    assertThat(middleware.status().control().lastError()).isNull();
  }

  @Test
  void localAttacksSurviveAControlFailure() throws Exception {
    serveTwoAttacks();
    middleware.create(AttackSpec.parse("{\"id\": \"local\", \"abort\": {\"status\": 500}}"));

    status = 500;

    await(() -> ids().equals(List.of("local")));
    assertThat(attacks("/anything")).isTrue();
  }

  @Test
  void attacksOfTheControlUrlCannotBeChangedLocally() throws Exception {
    serveTwoAttacks();

    assertThatThrownBy(() -> middleware.delete("orders"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("attack 'orders' comes from the control URL; change it there");
    assertThatThrownBy(
            () ->
                middleware.update(
                    AttackSpec.parse("{\"id\": \"orders\", \"abort\": {\"status\": 500}}")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(middleware.clear()).isZero();
    assertThat(ids()).contains("orders");
  }
}
