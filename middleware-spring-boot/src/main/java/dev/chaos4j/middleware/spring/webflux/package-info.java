/**
 * The middleware in Spring WebFlux: the server's {@code WebFilter}, with the same attacks as the
 * servlet filter, and the {@code WebClient}'s filter of outbound attacks; both carry them out
 * without ever blocking an event-loop thread.
 */
package dev.chaos4j.middleware.spring.webflux;
