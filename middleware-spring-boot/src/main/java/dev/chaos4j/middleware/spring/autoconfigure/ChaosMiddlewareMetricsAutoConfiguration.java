package dev.chaos4j.middleware.spring.autoconfigure;

import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.spring.observe.MicrometerAttackListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The middleware's Micrometer meters ({@link MicrometerAttackListener}), when the application has a
 * {@link MeterRegistry}.
 */
@AutoConfiguration(
    after = ChaosMiddlewareAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ChaosMiddleware.class, MeterRegistry.class})
public final class ChaosMiddlewareMetricsAutoConfiguration {

  @Bean
  MicrometerAttackListener chaos4jMiddlewareMetrics(
      ChaosMiddleware middleware, MeterRegistry registry) {
    return new MicrometerAttackListener(middleware, registry);
  }
}
