package dev.chaos4j.middleware.spring.autoconfigure;

import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.MiddlewareConfig;
import dev.chaos4j.middleware.servlet.ChaosFilter;
import dev.chaos4j.middleware.spring.observe.Slf4jAttackListener;
import dev.chaos4j.middleware.spring.webflux.ChaosWebFilter;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The chaos middleware in a Spring Boot web application, when {@code
 * chaos4j.middleware.enabled=true}: the {@link ChaosMiddleware} bean, armed once the application
 * accepts traffic and switched off when the context closes; the servlet {@link ChaosFilter} (Spring
 * MVC) or the {@link ChaosWebFilter} (WebFlux), ahead of every other filter but the server's
 * observation; and, with SLF4J, the MDC entry and log line of attacked requests.
 *
 * <p>An invalid property stops the application from starting, with one line naming it.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "chaos4j.middleware", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ChaosMiddlewareProperties.class)
public final class ChaosMiddlewareAutoConfiguration {

  /**
   * The default order of the filters: right after the server's observation filter ({@code
   * HIGHEST_PRECEDENCE + 1} in Spring MVC), so that attacks show in the http.server.requests
   * metrics and traces as real faults would, and before everything else (security, the
   * application's own filters).
   */
  public static final int DEFAULT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  private static final String SLF4J_MDC = "org.slf4j.MDC";

  @Bean
  @ConditionalOnMissingBean
  ChaosMiddleware chaos4jMiddleware(
      ChaosMiddlewareProperties properties, ApplicationContext context) {
    boolean slf4j = ClassUtils.isPresent(SLF4J_MDC, context.getClassLoader());
    MiddlewareConfig config = MiddlewareStarter.config(properties, slf4j);
    return MiddlewareStarter.start(config, properties.getAttacks());
  }

  @Bean
  ChaosMiddlewareLifecycle chaos4jMiddlewareLifecycle(
      ChaosMiddleware middleware, ApplicationContext context) {
    return new ChaosMiddlewareLifecycle(middleware, context);
  }

  /** The MDC entry and the log line of attacked requests. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = SLF4J_MDC)
  static class Slf4jConfiguration {

    @Bean
    Slf4jAttackListener chaos4jMiddlewareLogging(
        ChaosMiddleware middleware,
        ChaosMiddlewareProperties properties,
        ApplicationContext context) {
      Slf4jAttackListener listener;
      try {
        listener =
            new Slf4jAttackListener(
                MiddlewareStarter.logHits(properties),
                Slf4jAttackListener.level(properties.getLogHitsLevel()),
                !(context instanceof ReactiveWebApplicationContext));
      } catch (IllegalArgumentException e) {
        throw new ChaosMiddlewareConfigurationException(e.getMessage(), e);
      }
      middleware.addListener(listener);
      return listener;
    }
  }

  /** Spring MVC and any other servlet stack: the middleware's own servlet filter. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.SERVLET)
  @ConditionalOnClass({ChaosFilter.class, FilterRegistrationBean.class, DispatcherType.class})
  static class ServletConfiguration {

    @Bean
    FilterRegistrationBean<ChaosFilter> chaos4jMiddlewareFilter(
        ChaosMiddleware middleware, ChaosMiddlewareProperties properties) {
      FilterRegistrationBean<ChaosFilter> registration =
          new FilterRegistrationBean<>(new ChaosFilter(middleware));
      registration.setName("chaos4jMiddlewareFilter");
      registration.addUrlPatterns("/*");
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      registration.setOrder(orderOf(properties));
      return registration;
    }
  }

  /** WebFlux: the non-blocking filter. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = Type.REACTIVE)
  @ConditionalOnClass({WebFilter.class, Mono.class})
  static class ReactiveConfiguration {

    @Bean
    ChaosWebFilter chaos4jMiddlewareWebFilter(
        ChaosMiddleware middleware, ChaosMiddlewareProperties properties) {
      return new ChaosWebFilter(middleware, orderOf(properties));
    }
  }

  private static int orderOf(ChaosMiddlewareProperties properties) {
    return properties.getFilterOrder() != null ? properties.getFilterOrder() : DEFAULT_FILTER_ORDER;
  }
}
