/**
 * The {@code http} provider: an activity is one HTTP request made with the JDK's HTTP client, and
 * its output is the response's status, headers and body.
 */
package dev.chaos4j.core.provider.http;
