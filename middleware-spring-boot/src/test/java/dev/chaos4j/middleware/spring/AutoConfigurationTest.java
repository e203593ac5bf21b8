package dev.chaos4j.middleware.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.middleware.ChaosMiddleware;
import dev.chaos4j.middleware.servlet.ChaosFilter;
import dev.chaos4j.middleware.spring.actuate.ChaosMiddlewareEndpoint;
import dev.chaos4j.middleware.spring.autoconfigure.ChaosMiddlewareAutoConfiguration;
import dev.chaos4j.middleware.spring.autoconfigure.ChaosMiddlewareConfigurationException;
import dev.chaos4j.middleware.spring.autoconfigure.ChaosMiddlewareEndpointAutoConfiguration;
import dev.chaos4j.middleware.spring.autoconfigure.ChaosMiddlewareMetricsAutoConfiguration;
import dev.chaos4j.middleware.spring.observe.MicrometerAttackListener;
import dev.chaos4j.middleware.spring.webflux.ChaosWebFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** What the auto-configuration registers, when, and how it refuses a bad configuration. */
class AutoConfigurationTest {

  private static final AutoConfigurations STARTER =
      AutoConfigurations.of(
          ChaosMiddlewareAutoConfiguration.class,
          ChaosMiddlewareMetricsAutoConfiguration.class,
          ChaosMiddlewareEndpointAutoConfiguration.class);

  private final WebApplicationContextRunner servlet =
      new WebApplicationContextRunner().withConfiguration(STARTER);
  private final ReactiveWebApplicationContextRunner reactive =
      new ReactiveWebApplicationContextRunner().withConfiguration(STARTER);

  @Test
  void nothingIsRegisteredUnlessEnabled() {
    servlet
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ChaosMiddleware.class);
              assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
              assertThat(context).doesNotHaveBean(ChaosMiddlewareEndpoint.class);
              assertThat(context).doesNotHaveBean(MicrometerAttackListener.class);
            });
    reactive
        .withPropertyValues("chaos4j.middleware.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ChaosWebFilter.class));
  }

  @Test
  void servletApplicationsGetTheFilterOnEveryPathAheadOfTheOtherFilters() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ChaosMiddleware.class);
              assertThat(context).doesNotHaveBean(ChaosWebFilter.class);
              FilterRegistrationBean<?> filter =
                  context.getBean("chaos4jMiddlewareFilter", FilterRegistrationBean.class);
              assertThat(filter.getFilter()).isInstanceOf(ChaosFilter.class);
              assertThat(filter.getUrlPatterns()).containsExactly("/*");
              assertThat(filter.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 2);
            });
  }

  @Test
  void reactiveApplicationsGetTheWebFilter() {
    reactive
        .withPropertyValues("chaos4j.middleware.enabled=true", "chaos4j.middleware.filter-order=5")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ChaosWebFilter.class);
              assertThat(context.getBean(ChaosWebFilter.class).getOrder()).isEqualTo(5);
              assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
            });
  }

  @Test
  void metricsWhenTheApplicationHasAMeterRegistry() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasSingleBean(MicrometerAttackListener.class);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get(MicrometerAttackListener.ACTIVE).gauge().value()).isZero();
            });
  }

  @Test
  void attacksArmOnlyOnceTheApplicationAcceptsTraffic() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true")
        .run(
            context -> {
              ChaosMiddleware middleware = context.getBean(ChaosMiddleware.class);
              assertThat(middleware.status().ready()).isFalse();

              AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

              assertThat(middleware.status().armed()).isTrue();
            });
  }

  @Test
  void readyAfterADurationDoesNotWaitForReadiness() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true", "chaos4j.middleware.ready-after=0s")
        .run(
            context ->
                assertThat(context.getBean(ChaosMiddleware.class).status().ready()).isTrue());
  }

  @Test
  void closingTheContextDisarmsTheMiddleware() {
    ChaosMiddleware[] kept = new ChaosMiddleware[1];
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true", "chaos4j.middleware.ready-after=0s")
        .run(context -> kept[0] = context.getBean(ChaosMiddleware.class));

    assertThat(kept[0].status().armed()).isFalse();
  }

  @Test
  void propertiesInstallAttacks() {
    servlet
        .withPropertyValues(
            "chaos4j.middleware.enabled=true",
            "chaos4j.middleware.attacks.slow-orders={\"route\": \"/orders\", \"delay\": {\"ms\": 5}}")
        .run(
            context -> {
              ChaosMiddleware middleware = context.getBean(ChaosMiddleware.class);
              assertThat(middleware.attack("slow-orders")).isPresent();
              assertThat(middleware.attack("slow-orders").get().spec().route())
                  .isEqualTo("/orders");
            });
  }

  @Test
  void anInvalidValueStopsTheStartWithOneLineNamingTheProperty() {
    servlet
        .withPropertyValues("chaos4j.middleware.enabled=true", "chaos4j.middleware.max-delay=soon")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(IllegalArgumentException.class);
              FailureAnalysis analysis = analysis(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .isEqualTo(
                      "The chaos4j middleware cannot start: chaos4j.middleware.max-delay 'soon' is"
                          + " not a duration (examples: 250ms, 30s, 5m, 1h, PT30S)");
              assertThat(analysis.getAction()).contains("chaos4j.middleware.enabled=false");
            });
  }

  @Test
  void anInvalidAttackInThePropertiesNamesItsKey() {
    servlet
        .withPropertyValues(
            "chaos4j.middleware.enabled=true",
            "chaos4j.middleware.attacks.typo={\"probabilty\": 0.5, \"delay\": {\"ms\": 5}}")
        .run(
            context ->
                assertThat(analysis(context.getStartupFailure()).getDescription())
                    .startsWith(
                        "The chaos4j middleware cannot start: chaos4j.middleware.attacks.typo:"
                            + " unknown key 'probabilty' in an attack"));
  }

  @Test
  void anInvalidLogLevelIsRefusedToo() {
    servlet
        .withPropertyValues(
            "chaos4j.middleware.enabled=true", "chaos4j.middleware.log-hits-level=loud")
        .run(
            context ->
                assertThat(analysis(context.getStartupFailure()).getDescription())
                    .endsWith(
                        "chaos4j.middleware.log-hits-level must be trace, debug, info, warn or"
                            + " error, got 'loud'"));
  }

  private static FailureAnalysis analysis(Throwable failure) {
    assertThat(failure).hasRootCauseInstanceOf(IllegalArgumentException.class);
    Throwable cause = failure;
    while (!(cause instanceof ChaosMiddlewareConfigurationException)) {
      cause = cause.getCause();
    }
    FailureAnalysis analysis = new FailureAnalyzers().analyze(failure);
    assertThat(analysis).as("analysis of %s", cause).isNotNull();
    return analysis;
  }

  /** The analyzers registered in spring.factories that need no arguments, ours among them. */
  private static final class FailureAnalyzers {
    FailureAnalysis analyze(Throwable failure) {
      for (FailureAnalyzer analyzer :
          SpringFactoriesLoader.forDefaultResourceLocation(
                  AutoConfigurationTest.class.getClassLoader())
              .load(
                  FailureAnalyzer.class,
                  SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {}))) {
        FailureAnalysis analysis = analyzer.analyze(failure);
        if (analysis != null && analysis.getDescription().contains("chaos4j")) {
          return analysis;
        }
      }
      return null;
    }
  }
}
