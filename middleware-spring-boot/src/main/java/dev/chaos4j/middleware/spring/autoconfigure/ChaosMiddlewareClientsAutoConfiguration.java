package dev.chaos4j.middleware.spring.autoconfigure;

import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.spring.client.ChaosClientHttpRequestInterceptor;
import dev.chaos4j.middleware.spring.webflux.ChaosExchangeFilterFunction;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Outbound attacks on the HTTP clients Spring Boot builds, when the middleware is enabled and
 * {@value #PROPERTY} is not {@code false}: every {@code RestTemplateBuilder}, {@code
 * RestClient.Builder} and {@code WebClient.Builder} Spring Boot provides (and the HTTP service
 * clients it creates from them) carries the middleware's interceptor or filter, so the clients
 * built from them need no code. The interceptor and the filter are beans too, for clients built by
 * hand.
 */
@AutoConfiguration(after = ChaosMiddlewareAutoConfiguration.class)
@ConditionalOnBean(ChaosMiddleware.class)
@ConditionalOnBooleanProperty(
    name = ChaosMiddlewareClientsAutoConfiguration.PROPERTY,
    matchIfMissing = true)
public final class ChaosMiddlewareClientsAutoConfiguration {

  /** The property that leaves Spring Boot's client builders alone when {@code false}. */
  public static final String PROPERTY = "chaos4j.middleware.outbound.clients.enabled";

  /** {@code RestTemplate} and {@code RestClient}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ClientHttpRequestInterceptor.class)
  static class BlockingClients {

    @Bean
    ChaosClientHttpRequestInterceptor chaos4jClientHttpRequestInterceptor(
        ChaosMiddleware middleware) {
      return ChaosClientHttpRequestInterceptor.of(middleware);
    }

    /** Spring Boot's builders of blocking clients. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RestClientCustomizer.class)
    static class Builders {

      /** Last in the template's list: the interceptors before it see the fault as a real one. */
      @Bean
      RestTemplateCustomizer chaos4jRestTemplateCustomizer(
          ChaosClientHttpRequestInterceptor interceptor) {
        return template -> addOnce(template.getInterceptors(), interceptor);
      }

      @Bean
      RestClientCustomizer chaos4jRestClientCustomizer(
          ChaosClientHttpRequestInterceptor interceptor) {
        return builder -> builder.requestInterceptors(list -> addOnce(list, interceptor));
      }
    }
  }

  /** {@code WebClient}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({WebClient.class, Mono.class})
  static class ReactiveClients {

    /**
     * Without Spring Boot's codecs, abort bodies are decoded with Spring's defaults (member classes
     * are registered first, so this one sees the bean of {@link BootCodecs}).
     */
    @Bean
    @ConditionalOnMissingBean
    ChaosExchangeFilterFunction chaos4jExchangeFilterFunction(ChaosMiddleware middleware) {
      return ChaosExchangeFilterFunction.of(middleware);
    }

    /** Abort bodies decoded with the codecs Spring Boot configures for its WebClient. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CodecCustomizer.class)
    static class BootCodecs {

      @Bean
      ChaosExchangeFilterFunction chaos4jExchangeFilterFunctionWithBootCodecs(
          ChaosMiddleware middleware, ObjectProvider<CodecCustomizer> codecs) {
        ExchangeStrategies strategies =
            ExchangeStrategies.builder()
                .codecs(configurer -> codecs.orderedStream().forEach(c -> c.customize(configurer)))
                .build();
        return ChaosExchangeFilterFunction.of(middleware, strategies);
      }
    }

    /** Spring Boot's builder of reactive clients. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebClientCustomizer.class)
    static class Builders {

      @Bean
      WebClientCustomizer chaos4jWebClientCustomizer(ChaosExchangeFilterFunction filter) {
        return builder -> builder.filters(list -> addOnce(list, filter));
      }
    }
  }

  /** Adds the adapter unless the list already has one (a builder customized twice, say). */
  private static <T> void addOnce(List<T> list, T adapter) {
    for (T present : list) {
      if (present.getClass() == adapter.getClass()) {
        return;
      }
    }
    list.add(adapter);
  }
}
