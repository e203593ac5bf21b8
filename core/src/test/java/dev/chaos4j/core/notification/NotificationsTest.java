package dev.chaos4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.settings.Settings;
import dev.chaos4j.core.testing.LogCapture;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationsTest {
  private LoopbackReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver = new LoopbackReceiver(200);
    RecordingNotifier.CALLS.clear();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void postsTheEventAsJsonWithTheChannelsHeaders() throws Exception {
    Map<String, Object> channel = http(receiver.url("/hook"));
    channel.put("headers", Map.of("X-Token", "secret"));
    Map<String, Object> experiment = Map.of("title", "t");
    try (Notifications notifications = Notifications.of(List.of(channel))) {
      notifications.notify("run-started", experiment, null);
    }

    assertThat(receiver.received).hasSize(1);
    LoopbackReceiver.Received request = receiver.received.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hook");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.token()).isEqualTo("secret");
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) Json.parse(request.body());
    assertThat(event)
        .containsEntry("name", "run-started")
        .containsEntry("payload", experiment)
        .containsEntry("phase", "run")
        .doesNotContainKey("error");
    double ts = ((Number) event.get("ts")).doubleValue();
    assertThat(ts)
        .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
  }

  @Test
  void sendsTheErrorOfAFailedEventAsItsMessage() throws Exception {
    try (Notifications notifications = Notifications.of(List.of(http(receiver.url("/"))))) {
      notifications.notify("validate-failed", Map.of(), new ChaosException("no title"));
    }

    Object event = Json.parse(receiver.received.get(0).body());
    assertThat(event)
        .isEqualTo(
            Map.of(
                "name", "validate-failed",
                "payload", Map.of(),
                "phase", "validate",
                "ts", ((Map<?, ?>) event).get("ts"),
                "error", "no title"));
  }

  @Test
  void getsTheUrlWithoutBodyWhenThePayloadIsNotForwarded() {
    Map<String, Object> channel = http(receiver.url("/ping"));
    channel.put("forward_event_payload", false);
    try (Notifications notifications = Notifications.of(List.of(channel))) {
      notifications.notify("discovery-started", "chaostoolkit-kubernetes", null);
    }

    assertThat(receiver.received).hasSize(1);
    assertThat(receiver.received.get(0).method()).isEqualTo("GET");
    assertThat(receiver.received.get(0).path()).isEqualTo("/ping");
    assertThat(receiver.received.get(0).body()).isEmpty();
  }

  @Test
  void aChannelWithAnEventsFilterReceivesOnlyThoseEventsInOrder() {
    Map<String, Object> filtered = http(receiver.url("/filtered"));
    filtered.put("events", List.of("run-completed", "run-failed"));
    Map<String, Object> everything = http(receiver.url("/all"));
    try (Notifications notifications = Notifications.of(List.of(filtered, everything))) {
      notifications.notify("run-started", Map.of(), null);
      notifications.notify("run-completed", Map.of(), null);
      notifications.notify("run-deviated", Map.of(), null);
    }

    assertThat(namesReceivedAt("/filtered")).containsExactly("run-completed");
    assertThat(namesReceivedAt("/all"))
        .containsExactly("run-started", "run-completed", "run-deviated");
  }

  @Test
  void theEventCarriesThePayloadAsItWasWhenNotified() {
    Map<String, Object> experiment = new LinkedHashMap<>(Map.of("title", "before"));
    try (Notifications notifications = Notifications.of(List.of(http(receiver.url("/"))))) {
      notifications.notify("run-started", experiment, null);
      experiment.put("title", "changed by the run");
    }

    assertThat(receiver.received.get(0).body()).contains("\"before\"").doesNotContain("changed");
  }

  @Test
  void aRefusedConnectionIsLoggedAndOtherChannelsStillReceive() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (LogCapture log = LogCapture.ofAllThreads()) {
      try (Notifications notifications =
          Notifications.of(
              List.of(http("http://127.0.0.1:" + closedPort + "/"), http(receiver.url("/ok"))))) {
        notifications.notify("run-started", Map.of(), null);
      }

      assertThat(receiver.received).hasSize(1);
      assertThat(log.warnings())
          .anySatisfy(
              w ->
                  assertThat(w)
                      .startsWith("Notification run-started could not be sent to notifications[0]")
                      .contains(":" + closedPort));
    }
  }

  @Test
  void anEndpointThatNeverAnswersNeitherBlocksNotifyNorHoldsCloseBeyondTheReadTimeout()
      throws Exception {
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
    silent.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    silent.start();
    try (LogCapture log = LogCapture.ofAllThreads()) {
      Notifications notifications =
          Notifications.of(
              List.of(http("http://127.0.0.1:" + silent.getAddress().getPort() + "/")));
      long start = System.nanoTime();
      notifications.notify("run-started", Map.of(), null);
      long notifyTook = System.nanoTime() - start;
      notifications.close();
      Duration closeTook = Duration.ofNanos(System.nanoTime() - start);

      assertThat(Duration.ofNanos(notifyTook)).isLessThan(Duration.ofSeconds(1));
      // the 5 s read timeout ends the send; generous bound, below the drain bound
      assertThat(closeTook)
          .isGreaterThanOrEqualTo(HttpChannel.READ_TIMEOUT.minusMillis(100))
          .isLessThan(Notifications.DRAIN_BOUND);
      assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains("timed out"));
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }

  @Test
  void anHttpErrorStatusIsLoggedNotThrown() throws Exception {
    try (LoopbackReceiver failing = new LoopbackReceiver(503);
        LogCapture log = LogCapture.ofAllThreads()) {
      try (Notifications notifications = Notifications.of(List.of(http(failing.url("/"))))) {
        notifications.notify("init-completed", Map.of(), null);
      }

      assertThat(failing.received).hasSize(1);
      assertThat(log.warnings()).anySatisfy(w -> assertThat(w).endsWith("answered HTTP 503"));
    }
  }

  @Test
  void aPluginChannelCallsItsJavaClassWithTheChannelAndTheEvent() {
    Map<String, Object> channel = plugin();
    channel.put("token", "xop-1235");
    channel.put("events", List.of("init-completed"));
    try (Notifications notifications = Notifications.of(List.of(channel))) {
      notifications.notify("init-started", null, null);
      notifications.notify("init-completed", Map.of("title", "t"), null);
    }

    assertThat(RecordingNotifier.CALLS).hasSize(1);
    Map<String, Object> givenChannel = RecordingNotifier.CALLS.get(0).get(0);
    Map<String, Object> event = RecordingNotifier.CALLS.get(0).get(1);
    assertThat(givenChannel).containsEntry("token", "xop-1235");
    assertThat(event)
        .containsEntry("name", "init-completed")
        .containsEntry("phase", "init")
        .containsEntry("payload", Map.of("title", "t"));
  }

  @Test
  void aPluginThatThrowsIsLoggedAndKeepsReceivingLaterEvents() {
    Map<String, Object> channel = plugin();
    channel.put("fail", true);
    try (LogCapture log = LogCapture.ofAllThreads()) {
      try (Notifications notifications = Notifications.of(List.of(channel))) {
        notifications.notify("run-started", Map.of(), null);
        notifications.notify("run-completed", Map.of(), null);
      }

      assertThat(RecordingNotifier.CALLS).hasSize(2);
      assertThat(log.warnings())
          .contains(
              "Notification run-completed could not be sent to notifications[0] ("
                  + RecordingNotifier.class.getName()
                  + "): IllegalStateException: the plugin broke");
    }
  }

  @Test
  void malformedChannelsAreLeftOutWithOneLineEachAndTheOthersWork() {
    Map<String, Object> unknownClass =
        new LinkedHashMap<>(Map.of("type", "plugin", "module", "com.acme.Nope"));
    Map<String, Object> notANotifier =
        new LinkedHashMap<>(Map.of("type", "plugin", "module", "java.lang.String"));
    Map<String, Object> noUrl = new LinkedHashMap<>(Map.of("type", "http"));
    Map<String, Object> unknownType = new LinkedHashMap<>(Map.of("type", "slack"));
    List<Map<String, Object>> channels =
        new ArrayList<>(List.of(unknownClass, notANotifier, noUrl, unknownType));
    channels.add(http(receiver.url("/")));
    try (LogCapture log = LogCapture.ofThisThread()) {
      try (Notifications notifications = Notifications.of(channels)) {
        notifications.notify("run-started", Map.of(), null);
      }

      assertThat(log.warnings())
          .containsExactly(
              "Notification channel notifications[0] is ignored: could not find Java class"
                  + " 'com.acme.Nope' (a plugin channel names a class implementing"
                  + " dev.chaos4j.core.notification.Notifier)",
              "Notification channel notifications[1] is ignored: Java class 'java.lang.String'"
                  + " does not implement dev.chaos4j.core.notification.Notifier",
              "Notification channel notifications[2] is ignored: 'url' is required",
              "Notification channel notifications[3] is ignored: 'type' must be 'http' or"
                  + " 'plugin', not 'slack'");
      assertThat(receiver.received).hasSize(1);
    }
  }

  @Test
  void aNotificationsEntryThatIsNotAListTurnsNotificationsOffWithAWarning() {
    try (LogCapture log = LogCapture.ofThisThread()) {
      Notifications notifications =
          Notifications.of(Settings.of(new LinkedHashMap<>(Map.of("notifications", "oops"))));

      assertThat(notifications.isEmpty()).isTrue();
      assertThat(log.warnings()).singleElement().asString().startsWith("Notifications are off: ");
    }
  }

  private List<String> namesReceivedAt(String path) {
    return receiver.received.stream()
        .filter(r -> r.path().equals(path))
        .map(r -> (String) ((Map<?, ?>) Json.parseTrusted(r.body())).get("name"))
        .toList();
  }

  private static Map<String, Object> http(String url) {
    return new LinkedHashMap<>(Map.of("type", "http", "url", url));
  }

  private static Map<String, Object> plugin() {
    return new LinkedHashMap<>(
        Map.of("type", "plugin", "module", RecordingNotifier.class.getName()));
  }
}
