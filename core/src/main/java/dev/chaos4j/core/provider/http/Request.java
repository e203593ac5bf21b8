package dev.chaos4j.core.provider.http;

import java.net.URI;
import java.util.List;

/**
 * One HTTP request, ready to send: the first of an activity or one made to follow a redirect.
 *
 * @param method the method, upper-cased and a valid token
 * @param uri an absolute {@code http} or {@code https} URI, its characters already encoded
 * @param headers the headers to send, valid and in order; the transport adds {@code Host} (unless
 *     given) and {@code Content-Length}
 * @param body the body, or null for none
 */
record Request(String method, URI uri, List<Header> headers, byte[] body) {

  /** Whether this request may be sent twice without changing its effect (RFC 9110 §9.2.2). */
  boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
      default -> false;
    };
  }

  /** The value of the first header of this name (case ignored), or null. */
  String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }
}
