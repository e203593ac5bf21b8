package dev.chaos4j.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.middleware.spring.autoconfigure.ChaosMiddlewareAutoConfiguration;
import dev.chaos4j.middleware.spring.autoconfigure.ChaosMiddlewareClientsAutoConfiguration;
import dev.chaos4j.middleware.spring.client.ChaosClientHttpRequestInterceptor;
import dev.chaos4j.middleware.spring.webflux.ChaosExchangeFilterFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/** Which of Spring Boot's client builders carry outbound attacks, and when they are left alone. */
class ClientsAutoConfigurationTest {

  private static final AutoConfigurations CONFIGURATIONS =
      AutoConfigurations.of(
          ChaosMiddlewareAutoConfiguration.class,
          ChaosMiddlewareClientsAutoConfiguration.class,
          RestTemplateAutoConfiguration.class,
          RestClientAutoConfiguration.class,
          WebClientAutoConfiguration.class);

  private final WebApplicationContextRunner servlet =
      new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS);
  private final ReactiveWebApplicationContextRunner reactive =
      new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS);

  @Test
  void everyClientBuiltFromBootsBuildersCarriesTheAttacks() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(ChaosClientHttpRequestInterceptor.class);
              assertThat(context).hasSingleBean(ChaosExchangeFilterFunction.class);
              assertThat(restTemplateInterceptors(context))
                  .containsExactly(context.getBean(ChaosClientHttpRequestInterceptor.class));
              assertThat(restClientInterceptors(context.getBean(RestClient.Builder.class)))
                  .containsExactly(context.getBean(ChaosClientHttpRequestInterceptor.class));
              assertThat(webClientFilters(context.getBean(WebClient.Builder.class)))
                  .containsExactly(context.getBean(ChaosExchangeFilterFunction.class));
            });
  }

  @Test
  void aBuilderCustomizedTwiceOrClonedCarriesTheAttacksOnce() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true")
        .run(
            context -> {
              RestClient.Builder restClient = context.getBean(RestClient.Builder.class);
              context
                  .getBeanProvider(RestClientCustomizer.class)
                  .forEach(customizer -> customizer.customize(restClient));
              WebClient.Builder webClient = context.getBean(WebClient.Builder.class);
              context
                  .getBeanProvider(WebClientCustomizer.class)
                  .forEach(customizer -> customizer.customize(webClient));

              assertThat(restClientInterceptors(restClient.clone())).hasSize(1);
              assertThat(restClientInterceptors(restClient.build().mutate())).hasSize(1);
              assertThat(webClientFilters(webClient.clone())).hasSize(1);
            });
  }

  @Test
  void reactiveApplicationsGetItOnTheirWebClientBuilder() {
    reactive
        .withPropertyValues("chaos4j.middleware.enabled=true")
        .run(
            context -> {
              assertThat(webClientFilters(context.getBean(WebClient.Builder.class)))
                  .singleElement()
                  .isInstanceOf(ChaosExchangeFilterFunction.class);
            });
  }

  @Test
  void abortBodiesAreDecodedWithBootsCodecs() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true")
        .run(
            context ->
                assertThat(context.getBeanNamesForType(ChaosExchangeFilterFunction.class))
                    .containsExactly("chaos4jExchangeFilterFunctionWithBootCodecs"));
  }

  @Test
  void thePropertyLeavesBootsBuildersAlone() {
    servlet
        .withPropertyValues(
            "chaos4j.middleware.enabled=true", "chaos4j.middleware.outbound.clients.enabled=false")
        .run(ClientsAutoConfigurationTest::assertLeftAlone);
  }

  @Test
  void aDisabledMiddlewareLeavesBootsBuildersAlone() {
    servlet.run(ClientsAutoConfigurationTest::assertLeftAlone);
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=false")
        .run(ClientsAutoConfigurationTest::assertLeftAlone);
  }

  private static void assertLeftAlone(AssertableWebApplicationContext context) {
    assertThat(context).hasNotFailed();
    assertThat(context).doesNotHaveBean(ChaosClientHttpRequestInterceptor.class);
    assertThat(context).doesNotHaveBean(ChaosExchangeFilterFunction.class);
    assertThat(restTemplateInterceptors(context)).isEmpty();
    assertThat(restClientInterceptors(context.getBean(RestClient.Builder.class))).isEmpty();
    assertThat(webClientFilters(context.getBean(WebClient.Builder.class))).isEmpty();
  }

  private static List<ClientHttpRequestInterceptor> restTemplateInterceptors(
      ApplicationContext context) {
    return context.getBean(RestTemplateBuilder.class).build().getInterceptors();
  }

  private static List<ClientHttpRequestInterceptor> restClientInterceptors(
      RestClient.Builder builder) {
    List<ClientHttpRequestInterceptor> seen = new ArrayList<>();
    builder.requestInterceptors(seen::addAll);
    return seen;
  }

  private static List<ExchangeFilterFunction> webClientFilters(WebClient.Builder builder) {
    List<ExchangeFilterFunction> seen = new ArrayList<>();
    builder.filters(seen::addAll);
    return seen;
  }
}
