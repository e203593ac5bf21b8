/**
 * Spring Boot auto-configuration of the chaos middleware: the {@code chaos4j.middleware.*}
 * properties, the middleware bean tied to the application's readiness and shutdown, the servlet or
 * WebFlux filter, outbound attacks on Spring Boot's HTTP client builders, metrics and the actuator
 * endpoint. Nothing is registered unless {@code chaos4j.middleware.enabled=true}.
 */
package dev.chaos4j.middleware.spring.autoconfigure;
