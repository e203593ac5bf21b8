package dev.chaos4j.core.provider.http;

import java.util.List;

/**
 * One final HTTP response, its body received whole (still encoded as the server sent it).
 *
 * @param status the status code
 * @param headers the headers in the order received, repeated names as separate entries
 * @param body the body bytes, empty when there is none
 */
record Response(int status, List<Header> headers, byte[] body) {

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
