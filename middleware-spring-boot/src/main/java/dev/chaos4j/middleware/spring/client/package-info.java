/**
 * Outbound attacks on Spring's blocking HTTP clients, {@code RestTemplate} and {@code RestClient}:
 * a request interceptor that delays, answers for or fails the calls an application makes to its
 * dependencies.
 */
package dev.chaos4j.middleware.spring.client;
