/**
 * The {@code http} provider: an activity is one HTTP request, and its output is the response's
 * status, headers and body. Plain-http requests go through a small HTTP/1.1 client of this package
 * (fast to start, connections kept alive); https requests through the JDK's HTTP client.
 */
package dev.chaos4j.core.provider.http;
