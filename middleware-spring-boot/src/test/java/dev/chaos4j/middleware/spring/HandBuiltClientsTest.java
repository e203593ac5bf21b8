package dev.chaos4j.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chaos4j.middleware.AttackSpec;
import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.spring.client.ChaosClientHttpRequestInterceptor;
import dev.chaos4j.middleware.spring.webflux.ChaosExchangeFilterFunction;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Clients built by hand, without Spring Boot, get outbound attacks from the public factory methods,
 * with the middleware's own configuration (marker header, exception allow-list).
 */
class HandBuiltClientsTest {

  private Dependency dependency;
  private ChaosMiddleware middleware;

  @BeforeEach
  void setUp() {
    dependency = Dependency.start();
    Map<String, String> keys =
        Map.of(
            "enabled", "true",
            "ready-after", "0s",
            "response-header", "X-Fault",
            "outbound.exceptions.allowed",
                "java.util.concurrent.TimeoutException,java.lang.IllegalStateException");
    middleware =
        ChaosMiddleware.start(
            MiddlewareConfig.from(
                key -> keys.get(key.substring(MiddlewareConfig.PREFIX.length()))));
  }

  @AfterEach
  void tearDown() {
    middleware.close();
    dependency.close();
  }

  @Test
  void theFactoryMethodsApplyTheAttacksToHandBuiltClients() {
    attack("teapot", "/stock", "\"abort\": {\"status\": 418, \"body\": \"short and stout\"}");
    RestTemplate restTemplate = new RestTemplate();
    restTemplate.getInterceptors().add(ChaosClientHttpRequestInterceptor.of(middleware));
    RestClient restClient =
        RestClient.builder()
            .requestInterceptor(ChaosClientHttpRequestInterceptor.of(middleware))
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
    WebClient webClient =
        WebClient.builder().filter(ChaosExchangeFilterFunction.of(middleware)).build();
    restTemplate.setErrorHandler(response -> false);
    String url = dependency.url("/stock");

    ResponseEntity<String> viaTemplate = restTemplate.getForEntity(url, String.class);
    ResponseEntity<String> viaRestClient =
        restClient.get().uri(url).retrieve().toEntity(String.class);
    ResponseEntity<String> viaWebClient =
        webClient
            .get()
            .uri(url)
            .exchangeToMono(response -> response.toEntity(String.class))
            .block(Duration.ofSeconds(10));

    for (ResponseEntity<String> response :
        new ResponseEntity[] {viaTemplate, viaRestClient, viaWebClient}) {
      assertThat(response.getStatusCode().value()).isEqualTo(418);
      assertThat(response.getBody()).isEqualTo("short and stout");
      assertThat(response.getHeaders().getFirst("X-Fault")).isEqualTo("teapot");
    }
    assertThat(dependency.calls("/stock")).isZero();
  }

  @Test
  void exceptionsOfACustomAllowListReachTheCallerAsTheClientReportsFailures() {
    attack(
        "timeout",
        "/checked",
        "\"exception\": {\"type\": \"java.util.concurrent.TimeoutException\"}");
    attack("state", "/unchecked", "\"exception\": {\"type\": \"java.lang.IllegalStateException\"}");
    RestTemplate restTemplate = new RestTemplate();
    restTemplate.getInterceptors().add(ChaosClientHttpRequestInterceptor.of(middleware));
    WebClient webClient =
        WebClient.builder().filter(ChaosExchangeFilterFunction.of(middleware)).build();

    Throwable checked =
        catchThrowable(() -> restTemplate.getForObject(dependency.url("/checked"), String.class));
    Throwable unchecked =
        catchThrowable(() -> restTemplate.getForObject(dependency.url("/unchecked"), String.class));
    Throwable reactive =
        catchThrowable(
            () ->
                webClient
                    .get()
                    .uri(dependency.url("/unchecked"))
                    .retrieve()
                    .toBodilessEntity()
                    .block(Duration.ofSeconds(10)));

    // a call declares only IOException: another checked exception arrives as its cause
    assertThat(checked)
        .isInstanceOf(ResourceAccessException.class)
        .cause()
        .isExactlyInstanceOf(IOException.class)
        .hasCauseInstanceOf(TimeoutException.class);
    assertThat(unchecked).isInstanceOf(IllegalStateException.class);
    assertThat(reactive)
        .isInstanceOf(WebClientRequestException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(dependency.calls("/checked") + dependency.calls("/unchecked")).isZero();
  }

  private void attack(String id, String route, String what) {
    middleware.create(
        AttackSpec.parse(
            "{\"id\": \""
                + id
                + "\", \"direction\": \"outbound\", \"route\": \""
                + route
                + "\", "
                + what
                + "}"));
  }
}
