/**
 * The middleware as a Spring WebFlux {@code WebFilter}: the same attacks as the servlet filter,
 * carried out without ever blocking an event-loop thread.
 */
package dev.chaos4j.middleware.spring.webflux;
