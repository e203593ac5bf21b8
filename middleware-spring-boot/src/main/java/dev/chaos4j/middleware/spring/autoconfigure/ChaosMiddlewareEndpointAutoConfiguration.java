package dev.chaos4j.middleware.spring.autoconfigure;

import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.spring.actuate.ChaosMiddlewareEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The actuator endpoint {@code chaos4j}, when the actuator is on the classpath and the endpoint is
 * available; like every actuator endpoint but health, it is reachable over HTTP only once exposed
 * ({@code management.endpoints.web.exposure.include=chaos4j}).
 */
@AutoConfiguration(after = ChaosMiddlewareAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(ChaosMiddleware.class)
@ConditionalOnAvailableEndpoint(endpoint = ChaosMiddlewareEndpoint.class)
public final class ChaosMiddlewareEndpointAutoConfiguration {

  @Bean
  ChaosMiddlewareEndpoint chaos4jMiddlewareEndpoint(ChaosMiddleware middleware) {
    return new ChaosMiddlewareEndpoint(middleware);
  }
}
