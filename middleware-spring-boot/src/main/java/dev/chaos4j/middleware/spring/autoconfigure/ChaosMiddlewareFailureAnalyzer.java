package dev.chaos4j.middleware.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid middleware configuration into Spring Boot's short start-up failure report. */
final class ChaosMiddlewareFailureAnalyzer
    extends AbstractFailureAnalyzer<ChaosMiddlewareConfigurationException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, ChaosMiddlewareConfigurationException cause) {
    return new FailureAnalysis(
        "The chaos4j middleware cannot start: " + cause.getMessage(),
        "Correct that property, or set chaos4j.middleware.enabled=false to leave the middleware"
            + " out.",
        cause);
  }
}
