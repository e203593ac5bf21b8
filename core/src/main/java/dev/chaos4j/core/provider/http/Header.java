package dev.chaos4j.core.provider.http;

/**
 * One header line of a request or a response, its name in the case it was given or received.
 *
 * @param name the header name
 * @param value the header value, without surrounding white space
 */
record Header(String name, String value) {}
