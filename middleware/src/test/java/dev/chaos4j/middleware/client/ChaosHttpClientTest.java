package dev.chaos4j.middleware.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.AttackSpec.Abort;
import dev.chaos4j.middleware.AttackSpec.Delay;
import dev.chaos4j.middleware.AttackSpec.ThrowException;
import dev.chaos4j.middleware.AttackStatus;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK HttpClient wrapper against real dependencies on loopback ports. */
class ChaosHttpClientTest {

  private final Dependency dependency = new Dependency();
  private final HttpClient plain =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private ChaosMiddleware middleware;
  private HttpClient http;

  @BeforeEach
  void start() {
    use(config().build());
  }

  private static MiddlewareConfig.Builder config() {
    return MiddlewareConfig.builder()
        .enabled(true)
        .identity("shop", "test", "pod-1")
        .readyAfter(Duration.ZERO);
  }

  private void use(MiddlewareConfig config) {
    if (middleware != null) {
      middleware.close();
    }
    middleware = ChaosMiddleware.start(config);
    http = ChaosHttpClient.wrap(plain, middleware);
  }

  @AfterEach
  void stop() {
    middleware.close();
    callers.shutdownNow();
    dependency.close();
  }

  private static AttackSpec.Builder outbound(String route) {
    return AttackSpec.on(route).outbound();
  }

  private HttpRequest get(String path) {
    return request("GET", dependency.uri(path), Duration.ofSeconds(10));
  }

  private static HttpRequest request(String method, URI uri, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    if (timeout != null) {
      builder.timeout(timeout);
    }
    return builder.build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, BodyHandlers.ofString());
  }

  private HttpResponse<String> sendAsync(HttpRequest request) throws Exception {
    return http.sendAsync(request, BodyHandlers.ofString()).get(20, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call did not fail");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }

  private AttackStatus status(String id) {
    return middleware.attack(id).orElseThrow();
  }

  // ---- each kind, on send and sendAsync ----

  @Test
  void sendWaitsTheDelayThenReallyCallsTheDependency() throws Exception {
    middleware.create(outbound("/**").id("slow").delay(Delay.fixed(300)).build());

    long start = System.nanoTime();
    HttpResponse<String> response = send(get("/users/1"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ms(300));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("real GET /users/1");
    assertThat(dependency.calls).containsExactly("GET /users/1");
    assertThat(status("slow").hits()).isEqualTo(1);
    assertThat(status("slow").inFlight()).isZero();
  }

  @Test
  void sendAsyncSchedulesTheDelayWithoutBlockingTheCaller() throws Exception {
    middleware.create(outbound("/**").id("slow").delay(Delay.fixed(3000)).build());

    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> future =
        http.sendAsync(get("/users/1"), BodyHandlers.ofString());
    Duration returnedAfter = Duration.ofNanos(System.nanoTime() - start);

    assertThat(returnedAfter).isLessThan(ms(3000));
    assertThat(future).isNotDone();
    assertThat(dependency.calls).isEmpty();
    HttpResponse<String> response = future.get(20, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ms(3000));
    assertThat(response.body()).isEqualTo("real GET /users/1");
    assertThat(dependency.calls).containsExactly("GET /users/1");
    await(() -> status("slow").inFlight() == 0);
  }

  @Test
  void sendAbortAnswersInTheDependencysPlaceWithoutCallingIt() throws Exception {
    middleware.create(
        outbound("/**")
            .id("down")
            .fault(new Abort(503, "{\"error\":\"chaos\"}", "application/json"))
            .build());

    HttpResponse<String> response = send(get("/users/1"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"error\":\"chaos\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Chaos4j-Attack")).hasValue("down");
    assertThat(response.request().uri()).isEqualTo(dependency.uri("/users/1"));
    assertThat(response.uri()).isEqualTo(dependency.uri("/users/1"));
    assertThat(response.version()).isEqualTo(plain.version());
    assertThat(response.previousResponse()).isEmpty();
    assertThat(response.sslSession()).isEmpty();
    assertThat(dependency.calls).isEmpty();
    assertThat(status("down").inFlight()).isZero();
  }

  @Test
  void sendAsyncAbortAnswersInTheDependencysPlaceWithoutCallingIt() throws Exception {
    middleware.create(
        outbound("/**")
            .id("down")
            .delay(Delay.fixed(100))
            .fault(new Abort(502, "bad", null))
            .build());

    HttpResponse<String> response = sendAsync(get("/users/1"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("bad");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain;charset=UTF-8");
    assertThat(dependency.calls).isEmpty();
    await(() -> status("down").inFlight() == 0);
  }

  @Test
  void theAbortBodyGoesThroughTheCallersBodyHandler() throws Exception {
    middleware.create(outbound("/**").fault(new Abort(500, "line 1\nline 2", null)).build());

    byte[] bytes = http.send(get("/a"), BodyHandlers.ofByteArray()).body();
    String streamed;
    try (InputStream in = http.send(get("/a"), BodyHandlers.ofInputStream()).body()) {
      streamed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines =
        http.sendAsync(get("/a"), BodyHandlers.ofLines())
            .get(20, TimeUnit.SECONDS)
            .body()
            .collect(Collectors.toList());
    HttpResponse<Void> discarded = http.send(get("/a"), BodyHandlers.discarding());

    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2");
    assertThat(streamed).isEqualTo("line 1\nline 2");
    assertThat(lines).containsExactly("line 1", "line 2");
    assertThat(discarded.statusCode()).isEqualTo(500);
    assertThat(dependency.calls).isEmpty();
  }

  @Test
  void aHeadRequestGetsTheAbortWithoutABody() throws Exception {
    middleware.create(outbound("/**").fault(new Abort(503, "not for HEAD", null)).build());

    HttpResponse<String> response = send(request("HEAD", dependency.uri("/a"), null));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void sendFailsWithTheAttacksExceptionWithoutCallingTheDependency() {
    middleware.create(
        outbound("/**")
            .id("refused")
            .fault(new ThrowException("java.net.ConnectException", "Connection refused"))
            .build());

    assertThatThrownBy(() -> send(get("/users/1")))
        .isExactlyInstanceOf(ConnectException.class)
        .hasMessage("Connection refused");
    assertThat(dependency.calls).isEmpty();
    assertThat(status("refused").inFlight()).isZero();
  }

  @Test
  void sendAsyncCompletesExceptionallyWithTheAttacksException() throws Exception {
    middleware.create(
        outbound("/**")
            .id("timeout")
            .fault(new ThrowException("java.net.http.HttpTimeoutException", null))
            .build());

    CompletableFuture<HttpResponse<String>> future =
        http.sendAsync(get("/users/1"), BodyHandlers.ofString());

    assertThat(failureOf(future))
        .isExactlyInstanceOf(HttpTimeoutException.class)
        .hasMessage("chaos4j attack 'timeout'");
    assertThat(dependency.calls).isEmpty();
    await(() -> status("timeout").inFlight() == 0);
  }

  @Test
  void aCheckedExceptionOtherThanIoReachesTheCallerAsTheCauseOfAnIoException() throws Exception {
    use(
        config()
            .outboundAllowedExceptions(Set.of("java.util.concurrent.TimeoutException"))
            .build());
    middleware.create(
        outbound("/**")
            .fault(new ThrowException("java.util.concurrent.TimeoutException", "t"))
            .build());

    assertThatThrownBy(() -> send(get("/a")))
        .isExactlyInstanceOf(IOException.class)
        .hasCauseExactlyInstanceOf(TimeoutException.class);
    assertThat(failureOf(http.sendAsync(get("/a"), BodyHandlers.ofString())))
        .isExactlyInstanceOf(IOException.class)
        .hasCauseExactlyInstanceOf(TimeoutException.class);
  }

  // ---- the caller's timeout ----

  @Test
  void aDelayBeyondTheCallersTimeoutFailsTheCallWhenTheTimeoutPasses() throws Exception {
    middleware.create(outbound("/**").id("stuck").delay(Delay.fixed(20_000)).build());
    HttpRequest request = request("GET", dependency.uri("/a"), ms(300));

    long start = System.nanoTime();
    assertThatThrownBy(() -> send(request))
        .isExactlyInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("request timed out")
        .hasMessageContaining("'stuck'");
    Throwable async = failureOf(http.sendAsync(request, BodyHandlers.ofString()));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(async).isExactlyInstanceOf(HttpTimeoutException.class);
    assertThat(elapsed).isGreaterThanOrEqualTo(ms(600)).isLessThan(ms(15_000));
    assertThat(dependency.calls).isEmpty();
  }

  @Test
  void aCallSentAfterADelayGetsWhatIsLeftOfItsTimeout() throws Exception {
    middleware.create(outbound("/**").delay(Delay.fixed(300)).build());

    HttpResponse<String> sync = send(request("GET", dependency.uri("/a"), ms(10_000)));
    HttpResponse<String> async = sendAsync(request("GET", dependency.uri("/b"), ms(10_000)));

    assertThat(sync.body()).isEqualTo("real GET /a");
    assertThat(sync.request().timeout())
        .hasValueSatisfying(t -> assertThat(t).isLessThanOrEqualTo(ms(9_700)));
    assertThat(async.request().timeout())
        .hasValueSatisfying(t -> assertThat(t).isLessThanOrEqualTo(ms(9_700)));
  }

  // ---- targeting ----

  @Test
  void targetsCallsByHost() throws Exception {
    middleware.create(
        outbound("/**")
            .id("elsewhere")
            .host("users.internal")
            .fault(new Abort(503, "", null))
            .build());

    assertThat(send(get("/a")).statusCode()).isEqualTo(200);

    middleware.create(
        outbound("/**").id("here").host("127.0.0.*").fault(new Abort(504, "", null)).build());

    assertThat(send(get("/b")).statusCode()).isEqualTo(504);
    assertThat(dependency.calls).containsExactly("GET /a");
  }

  @Test
  void targetsCallsByPort() throws Exception {
    try (Dependency other = new Dependency()) {
      middleware.create(outbound("/**").port(other.port()).fault(new Abort(503, "", null)).build());

      HttpResponse<String> untouched = send(get("/a"));
      HttpResponse<String> attacked = send(request("GET", other.uri("/a"), Duration.ofSeconds(10)));

      assertThat(untouched.body()).isEqualTo("real GET /a");
      assertThat(attacked.statusCode()).isEqualTo(503);
      assertThat(dependency.calls).containsExactly("GET /a");
      assertThat(other.calls).isEmpty();
    }
  }

  @Test
  void targetsCallsByRouteAndMethod() throws Exception {
    middleware.create(
        outbound("/users/**").methods("POST").fault(new Abort(503, "", null)).build());

    int getUser = send(get("/users/1")).statusCode();
    int postUser = send(request("POST", dependency.uri("/users/1"), ms(10_000))).statusCode();
    int postOrder = send(request("POST", dependency.uri("/orders"), ms(10_000))).statusCode();
    int postUsers = sendAsync(request("POST", dependency.uri("/users"), ms(10_000))).statusCode();

    assertThat(List.of(getUser, postUser, postOrder, postUsers))
        .containsExactly(200, 503, 200, 503);
    assertThat(dependency.calls).containsExactly("GET /users/1", "POST /orders");
  }

  @Test
  void targetsCallsByTheirHeaders() throws Exception {
    middleware.create(
        outbound("/**").header("x-tenant", "acme-*").fault(new Abort(503, "", null)).build());

    HttpRequest tagged =
        HttpRequest.newBuilder(dependency.uri("/a")).header("X-Tenant", "acme-eu").build();

    assertThat(send(tagged).statusCode()).isEqualTo(503);
    assertThat(send(get("/b")).statusCode()).isEqualTo(200);
    assertThat(dependency.calls).containsExactly("GET /b");
  }

  @Test
  void excludedHostsAreNeverAttacked() throws Exception {
    use(config().outboundExcludeHosts(List.of("127.0.0.1")).build());
    middleware.create(outbound("/**").fault(new Abort(503, "", null)).build());

    assertThat(send(get("/a")).statusCode()).isEqualTo(200);
  }

  @Test
  void maxHitsStopsTheAttackAfterThatManyCalls() throws Exception {
    middleware.create(
        outbound("/**").id("once").maxHits(1).fault(new Abort(503, "", null)).build());

    assertThat(send(get("/a")).statusCode()).isEqualTo(503);
    assertThat(send(get("/b")).statusCode()).isEqualTo(200);
    assertThat(status("once").state()).isEqualTo(AttackStatus.State.EXHAUSTED);
  }

  // ---- lifetime and the kill switch ----

  @Test
  void anExpiredAttackNoLongerActs() throws Exception {
    middleware.create(
        outbound("/**").id("brief").ttl(ms(500)).fault(new Abort(503, "", null)).build());

    assertThat(send(get("/a")).statusCode()).isEqualTo(503);
    await(() -> middleware.attack("brief").isEmpty());
    assertThat(send(get("/b")).statusCode()).isEqualTo(200);
    assertThat(middleware.isOutboundIdle()).isTrue();
  }

  @Test
  void theKillSwitchCutsASendDelayShortAndCancelsItsFault() throws Exception {
    middleware.create(
        outbound("/**")
            .id("stuck")
            .delay(Delay.fixed(20_000))
            .fault(new Abort(503, "", null))
            .build());

    long start = System.nanoTime();
    Future<HttpResponse<String>> call =
        callers.submit(() -> send(request("GET", dependency.uri("/a"), null)));
    await(() -> status("stuck").inFlight() == 1);
    middleware.disable();
    HttpResponse<String> response = call.get(10, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ms(15_000));
    assertThat(response.body()).isEqualTo("real GET /a");
    assertThat(dependency.calls).containsExactly("GET /a");
  }

  @Test
  void theKillSwitchCutsAnAsyncDelayShortAndCancelsItsFault() throws Exception {
    middleware.create(
        outbound("/**")
            .id("stuck")
            .delay(Delay.fixed(20_000))
            .fault(new ThrowException("java.net.ConnectException", null))
            .build());

    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request("GET", dependency.uri("/a"), null), BodyHandlers.ofString());
    await(() -> status("stuck").inFlight() == 1);
    middleware.disable();
    HttpResponse<String> response = call.get(10, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ms(15_000));
    assertThat(response.body()).isEqualTo("real GET /a");
    await(() -> status("stuck").inFlight() == 0);
  }

  @Test
  void deletingTheAttackReleasesAnAsyncDelay() throws Exception {
    middleware.create(outbound("/**").id("stuck").delay(Delay.fixed(20_000)).build());

    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request("GET", dependency.uri("/a"), null), BodyHandlers.ofString());
    await(() -> status("stuck").inFlight() == 1);
    middleware.delete("stuck");

    assertThat(call.get(10, TimeUnit.SECONDS).body()).isEqualTo("real GET /a");
  }

  @Test
  void anInterruptedSendDelayThrowsInterruptedExceptionWithoutCallingTheDependency()
      throws Exception {
    middleware.create(outbound("/**").id("stuck").delay(Delay.fixed(20_000)).build());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                send(request("GET", dependency.uri("/a"), null));
              } catch (Throwable e) {
                thrown.set(e);
              }
            });

    caller.start();
    await(() -> status("stuck").inFlight() == 1);
    caller.interrupt();
    caller.join(10_000);

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(status("stuck").inFlight()).isZero();
    assertThat(dependency.calls).isEmpty();
  }

  @Test
  void cancellingTheAsyncCallFreesItsSlot() throws Exception {
    middleware.create(outbound("/**").id("stuck").delay(Delay.fixed(20_000)).build());

    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request("GET", dependency.uri("/a"), null), BodyHandlers.ofString());
    await(() -> status("stuck").inFlight() == 1);
    call.cancel(true);

    assertThat(status("stuck").inFlight()).isZero();
  }

  // ---- directions ----

  @Test
  void inboundAttacksNeverActOnCalls() throws Exception {
    middleware.create(AttackSpec.on("/**").fault(new Abort(503, "", null)).build());

    assertThat(middleware.isOutboundIdle()).isTrue();
    assertThat(send(get("/a")).statusCode()).isEqualTo(200);
    assertThat(sendAsync(get("/b")).statusCode()).isEqualTo(200);
    assertThat(dependency.calls).containsExactly("GET /a", "GET /b");
  }

  @Test
  void aDisabledMiddlewareLeavesEveryCallAlone() throws Exception {
    use(MiddlewareConfig.builder().build());

    assertThat(send(get("/a")).body()).isEqualTo("real GET /a");
    assertThat(sendAsync(get("/b")).body()).isEqualTo("real GET /b");
  }

  // ---- the admin API ----

  @Test
  void anOutboundAttackCreatedThroughTheAdminApiActsOnTheWrappedClient() throws Exception {
    String token = "admin-token-0123456789";
    use(config().admin(0, token).build());
    URI attacks =
        URI.create(
            "http://127.0.0.1:"
                + middleware.adminAddress().orElseThrow().getPort()
                + "/chaos4j/attacks");
    String json =
        "{\"id\": \"users-down\", \"direction\": \"outbound\", \"host\": \"127.0.0.1\", \"port\": "
            + dependency.port()
            + ", \"route\": \"/users/**\", \"methods\": [\"GET\"], \"abort\": {\"status\": 503,"
            + " \"body\": \"down\"}}";

    HttpResponse<String> created =
        plain.send(
            HttpRequest.newBuilder(attacks)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            BodyHandlers.ofString());
    HttpResponse<String> attacked = send(get("/users/7"));
    HttpResponse<String> untouched = send(get("/orders/7"));
    HttpResponse<String> listed =
        plain.send(
            HttpRequest.newBuilder(attacks)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .build(),
            BodyHandlers.ofString());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(attacked.statusCode()).isEqualTo(503);
    assertThat(attacked.body()).isEqualTo("down");
    assertThat(untouched.statusCode()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> listing =
        ((List<Map<String, Object>>)
                ((Map<String, Object>) Json.parse(listed.body())).get("attacks"))
            .get(0);
    assertThat(listing)
        .containsEntry("direction", "outbound")
        .containsEntry("host", "127.0.0.1")
        .containsEntry("port", (long) dependency.port())
        .containsEntry("hits", 1L);
  }

  // ---- delegation ----

  @Test
  void everySettingIsTheWrappedClients() {
    HttpClient configured =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(callers)
            .build();
    HttpClient wrapped = ChaosHttpClient.wrap(configured, middleware);

    assertThat(wrapped.connectTimeout()).isEqualTo(configured.connectTimeout());
    assertThat(wrapped.followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
    assertThat(wrapped.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(wrapped.executor()).containsSame(callers);
    assertThat(wrapped.sslContext()).isSameAs(configured.sslContext());
    assertThat(wrapped.proxy()).isEqualTo(configured.proxy());
    assertThat(wrapped.authenticator()).isEqualTo(configured.authenticator());
    assertThat(wrapped.cookieHandler()).isEqualTo(configured.cookieHandler());
  }

  @Test
  void anAsyncDelayCompletesOnTheWrappedClientsExecutor() throws Exception {
    HttpClient withExecutor =
        ChaosHttpClient.wrap(
            HttpClient.newBuilder()
                .executor(
                    r ->
                        callers.execute(
                            () -> {
                              Thread.currentThread().setName("client-executor");
                              r.run();
                            }))
                .build(),
            middleware);
    middleware.create(
        outbound("/**").delay(Delay.fixed(500)).fault(new Abort(503, "", null)).build());

    String thread =
        withExecutor
            .sendAsync(get("/a"), BodyHandlers.ofString())
            .thenApply(r -> Thread.currentThread().getName())
            .get(20, TimeUnit.SECONDS);

    assertThat(thread).isEqualTo("client-executor");
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
