/**
 * Outbound attacks on the JDK's {@link java.net.http.HttpClient}: a wrapper that delays, answers
 * for or fails the calls an application makes to its dependencies, without blocking asynchronous
 * callers.
 */
package dev.chaos4j.middleware.client;
