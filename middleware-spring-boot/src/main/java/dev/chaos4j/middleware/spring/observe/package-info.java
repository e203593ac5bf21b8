/**
 * What an attack leaves behind in the application's telemetry: Micrometer meters per attack and
 * route pattern, an SLF4J MDC entry during attacked requests, and one log line per attacked
 * request.
 */
package dev.chaos4j.middleware.spring.observe;
