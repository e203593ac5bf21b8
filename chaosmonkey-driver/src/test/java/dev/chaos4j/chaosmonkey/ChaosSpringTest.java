package dev.chaos4j.chaosmonkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.discovery.Discovery;
import dev.chaos4j.core.discovery.InstalledExtensions;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.python.PythonBridge;
import dev.chaos4j.core.provider.python.PythonProvider;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chaosspring functions, run as experiments run them ({@code "type": "python"} providers
 * through the engine), against a loopback actuator speaking Chaos Monkey for Spring Boot's API.
 */
class ChaosSpringTest {
  private static final Set<String> PROBES =
      Set.of("chaosmonkey_enabled", "watcher_configuration", "assaults_configuration");

  private final PythonBridge bridge = new PythonBridge();
  private final PythonProvider provider = new PythonProvider(FunctionRegistry.installed(), bridge);
  private ChaosMonkeyStub monkey;

  @BeforeEach
  void start() throws IOException {
    monkey = ChaosMonkeyStub.current();
  }

  @AfterEach
  void stop() {
    monkey.close();
    bridge.close();
  }

  private Object run(String func, Map<String, Object> arguments) {
    String module = PROBES.contains(func) ? ChaosMonkeyProbes.MODULE : ChaosMonkeyActions.MODULE;
    Map<String, Object> providerBlock = new LinkedHashMap<>();
    providerBlock.put("type", "python");
    providerBlock.put("module", module);
    providerBlock.put("func", func);
    providerBlock.put("arguments", new LinkedHashMap<>(arguments));
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", module.endsWith("probes") ? "probe" : "action");
    activity.put("name", func);
    activity.put("provider", providerBlock);
    return provider.run(activity, ProviderContext.empty(Path.of(".")));
  }

  private Map<String, Object> on(ChaosMonkeyStub stub) {
    return Map.of("base_url", stub.actuatorUrl());
  }

  private Map<String, Object> with(ChaosMonkeyStub stub, String key, Object value) {
    Map<String, Object> args = new LinkedHashMap<>(on(stub));
    args.put(key, value);
    return args;
  }

  @Test
  void enableAndDisableSwitchTheMonkeyAndReturnTheAnswer() throws Exception {
    Object enabled = run("enable_chaosmonkey", on(monkey));
    assertThat(monkey.enabled).isTrue();
    assertThat(Json.parse((String) enabled))
        .isInstanceOfSatisfying(
            Map.class, m -> assertThat(m).containsEntry("enabled", true).containsKey("enabledAt"));
    assertThat(monkey.last().method()).isEqualTo("POST");
    assertThat(monkey.last().path()).isEqualTo("/actuator/chaosmonkey/enable");
    assertThat(monkey.last().headers()).containsEntry("accept", "application/json");

    Object disabled = run("disable_chaosmonkey", on(monkey));
    assertThat(monkey.enabled).isFalse();
    assertThat((String) disabled).contains("\"enabled\": false");
  }

  @Test
  void chaosmonkeyEnabledReadsTheEnabledFieldOfTheStatus() {
    // current Chaos Monkey answers 200 either way: the reference would say true here
    assertThat(run("chaosmonkey_enabled", on(monkey))).isEqualTo(false);

    monkey.enabled = true;
    assertThat(run("chaosmonkey_enabled", on(monkey))).isEqualTo(true);
    assertThat(monkey.last().path()).isEqualTo("/actuator/chaosmonkey/status");
  }

  @Test
  void chaosmonkeyEnabledUnderstandsReleasesBefore26() throws IOException {
    try (ChaosMonkeyStub old = ChaosMonkeyStub.legacy()) {
      assertThat(run("chaosmonkey_enabled", on(old))).isEqualTo(false);
      old.enabled = true;
      assertThat(run("chaosmonkey_enabled", on(old))).isEqualTo(true);
    }
  }

  @Test
  void watcherConfigurationReadsTheWatchersEndpoint() {
    monkey.watchers.put("restController", true);

    Object watchers = run("watcher_configuration", on(monkey));

    assertThat(watchers)
        .isInstanceOfSatisfying(
            Map.class,
            m ->
                assertThat(m)
                    .containsEntry("restController", true)
                    .containsEntry("service", false));
    assertThat(monkey.requests)
        .extracting(ChaosMonkeyStub.Request::path)
        .containsExactly("/actuator/chaosmonkey/watchers");
  }

  @Test
  void watcherConfigurationFallsBackToTheOldWatcherEndpoint() throws IOException {
    try (ChaosMonkeyStub old = ChaosMonkeyStub.legacy()) {
      Object watchers = run("watcher_configuration", on(old));

      assertThat(watchers).isInstanceOf(Map.class);
      assertThat(old.requests)
          .extracting(ChaosMonkeyStub.Request::path)
          .containsExactly("/actuator/chaosmonkey/watchers", "/actuator/chaosmonkey/watcher");
    }
  }

  @Test
  void changeAssaultsConfigurationPostsTheJsonAndTheProbeSeesTheChange() throws Exception {
    Map<String, Object> assaults =
        Map.of(
            "level", 5, "latencyActive", true, "latencyRangeStart", 2000, "latencyRangeEnd", 5000);

    Object answer =
        run("change_assaults_configuration", with(monkey, "assaults_configuration", assaults));

    assertThat(answer).isEqualTo("Assault config has changed");
    assertThat(monkey.last().headers()).containsEntry("content-type", "application/json");
    assertThat(Json.parse(monkey.last().body())).isEqualTo(assaults);
    assertThat(run("assaults_configuration", on(monkey)))
        .isInstanceOfSatisfying(
            Map.class,
            m ->
                assertThat(m)
                    .containsEntry("level", 5)
                    .containsEntry("latencyActive", true)
                    .containsEntry("cpuActive", false));
  }

  @Test
  void aRefusedChangeFailsWithTheReferencesWordsTheStatusAndTheUrl() {
    assertThatThrownBy(
            () ->
                run(
                    "change_assaults_configuration",
                    with(monkey, "assaults_configuration", Map.of("level", 0))))
        .isInstanceOf(ActivityFailed.class)
        .hasMessageStartingWith(
            "ActivityFailed: Change ChaosMonkey Assaults Configuration failed: 400 from "
                + monkey.actuatorUrl()
                + "/chaosmonkey/assaults: {")
        .hasMessageContaining("\"error\": \"Bad Request\"");
    assertThat(monkey.assaults).containsEntry("level", 1);
  }

  @Test
  void changeWatchersConfigurationPostsTheJson() {
    Object answer =
        run(
            "change_watchers_configuration",
            with(monkey, "watchers_configuration", Map.of("service", true)));

    assertThat(answer).isEqualTo("Watcher config has changed");
    assertThat(monkey.last().path()).isEqualTo("/actuator/chaosmonkey/watchers");
    assertThat(run("watcher_configuration", on(monkey)))
        .isInstanceOfSatisfying(Map.class, m -> assertThat(m).containsEntry("service", true));
  }

  @Test
  void attackRuntimeAssaultTriggersTheRuntimeAssaults() {
    Object answer = run("attack_runtime_assault", on(monkey));

    assertThat(answer).isEqualTo("Started runtime assaults");
    assertThat(monkey.runtimeAttacks).isEqualTo(1);
    assertThat(monkey.last().path()).isEqualTo("/actuator/chaosmonkey/assaults/runtime/attack");
  }

  @Test
  void headersAreSentForAuthentication() throws IOException {
    try (ChaosMonkeyStub secured = ChaosMonkeyStub.secured("Bearer s3cret")) {
      assertThatThrownBy(() -> run("enable_chaosmonkey", on(secured)))
          .hasMessageStartingWith(
              "ActivityFailed: Enable ChaosMonkey failed: 401 from "
                  + secured.actuatorUrl()
                  + "/chaosmonkey/enable: ");

      run("enable_chaosmonkey", with(secured, "headers", Map.of("Authorization", "Bearer s3cret")));

      assertThat(secured.enabled).isTrue();
    }
  }

  @Test
  void theTimeoutBoundsTheCallAndIsNotSentAsAQueryParameter() throws IOException {
    run("enable_chaosmonkey", with(monkey, "timeout", 5));
    assertThat(monkey.last().query()).isNull();

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
      String url = "http://127.0.0.1:" + silent.getAddress().getPort() + "/actuator";
      long started = System.nanoTime();
      assertThatThrownBy(
              () -> run("assaults_configuration", Map.of("base_url", url, "timeout", 0.3)))
          .hasMessage(
              "ActivityFailed: ChaosMonkey assaults enquiry failed: no answer from "
                  + url
                  + "/chaosmonkey/assaults within 300 ms");
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }

  @Test
  void anUnreachableApplicationSaysWhereItCouldNotConnect() throws IOException {
    String url;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      url = "http://127.0.0.1:" + socket.getLocalPort() + "/actuator";
    }
    String base = url;

    assertThatThrownBy(() -> run("chaosmonkey_enabled", Map.of("base_url", base)))
        .hasMessageStartingWith(
            "ActivityFailed: ChaosMonkey status enquiry failed: cannot connect to "
                + base
                + "/chaosmonkey/status");
  }

  @Test
  void aWrongBaseUrlSaysWhatItShouldBe() {
    assertThatThrownBy(() -> run("enable_chaosmonkey", Map.of("base_url", "localhost:8080")))
        .hasMessage(
            "ActivityFailed: argument 'base_url' must be an http(s) URL, e.g."
                + " http://localhost:8080/actuator, got 'localhost:8080'");
    // without /actuator the endpoint is not found: the 404 says where it looked
    String withoutActuator = monkey.actuatorUrl().replace("/actuator", "");
    assertThatThrownBy(
            () -> run("assaults_configuration", Map.of("base_url", withoutActuator + "/")))
        .hasMessageStartingWith(
            "ActivityFailed: ChaosMonkey assaults enquiry failed: 404 from "
                + withoutActuator
                + "/chaosmonkey/assaults: ");
  }

  @Test
  void aMissingArgumentIsReportedAsTheReferenceDoes() {
    assertThatThrownBy(() -> run("change_assaults_configuration", on(monkey)))
        .hasMessage(
            "required argument 'assaults_configuration' is missing from activity"
                + " 'change_assaults_configuration'");
  }

  @SuppressWarnings("unchecked")
  @Test
  void discoveryShowsTheReferencesSignatures() {
    Map<String, Object> document =
        Discovery.of(InstalledExtensions.load().find("chaostoolkit-spring"), false);

    assertThat(document).containsEntry("target", "spring");
    List<Map<String, Object>> activities = (List<Map<String, Object>>) document.get("activities");
    assertThat(activities)
        .extracting(a -> a.get("mod") + "." + a.get("name"))
        .containsExactly(
            "chaosspring.actions.attack_runtime_assault",
            "chaosspring.actions.change_assaults_configuration",
            "chaosspring.actions.change_watchers_configuration",
            "chaosspring.actions.disable_chaosmonkey",
            "chaosspring.actions.enable_chaosmonkey",
            "chaosspring.probes.assaults_configuration",
            "chaosspring.probes.chaosmonkey_enabled",
            "chaosspring.probes.watcher_configuration");
    assertThat((List<Map<String, Object>>) activities.get(1).get("arguments"))
        .extracting(a -> a.get("name"))
        .containsExactly(
            "base_url",
            "assaults_configuration",
            "headers",
            "timeout",
            "verify_ssl",
            "configuration",
            "secrets");
    assertThat((List<Map<String, Object>>) activities.get(6).get("arguments"))
        .contains(Map.of("name", "verify_ssl", "default", true, "type", "boolean"));
    assertThat(activities.get(6)).containsEntry("return_type", "boolean");
  }
}
