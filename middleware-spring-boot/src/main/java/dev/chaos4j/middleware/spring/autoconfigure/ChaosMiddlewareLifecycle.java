package dev.chaos4j.middleware.spring.autoconfigure;

import dev.chaos4j.middleware.ChaosMiddleware;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Ties the middleware to the application's life: it arms when Spring Boot reports the application
 * ready to accept traffic (unless {@code ready-after} gives a duration), and it is switched off as
 * soon as the context starts closing, so that delays in progress do not hold a graceful shutdown
 * back. The context closes the middleware itself when it destroys its bean.
 */
final class ChaosMiddlewareLifecycle implements ApplicationListener<ApplicationEvent> {

  private final ChaosMiddleware middleware;
  private final ApplicationContext context;

  ChaosMiddlewareLifecycle(ChaosMiddleware middleware, ApplicationContext context) {
    this.middleware = middleware;
    this.context = context;
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof AvailabilityChangeEvent<?> change
        && change.getState() == ReadinessState.ACCEPTING_TRAFFIC
        && middleware.config().readyAfter() == null) {
      middleware.markReady();
    } else if (event instanceof ContextClosedEvent closed
        && closed.getApplicationContext() == context) {
      middleware.disable();
    }
  }
}
