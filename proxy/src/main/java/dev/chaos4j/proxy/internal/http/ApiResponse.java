package dev.chaos4j.proxy.internal.http;

import dev.chaos4j.proxy.internal.ApiError;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP response of the API, with the headers Toxiproxy's Go server sets.
 *
 * @param contentType the Content-Type, or {@code null} for none (204, 301, 405)
 * @param noSniff whether to send {@code X-Content-Type-Options: nosniff}, as Go's {@code
 *     http.Error} does
 * @param location the Location header of a redirect, or {@code null}
 * @param routed whether a route matched, so Toxiproxy's middleware (request id) ran
 */
record ApiResponse(
    int status, String contentType, byte[] body, boolean noSniff, String location, boolean routed) {

  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";

  /** 200 or 201 with a JSON body. */
  static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, JSON, bytes(GoJson.write(value)), false, null, true);
  }

  /** 204, no body. */
  static ApiResponse noContent() {
    return new ApiResponse(204, null, new byte[0], false, null, true);
  }

  /** An API error: Toxiproxy's JSON, sent through Go's {@code http.Error} as plain text. */
  static ApiResponse error(ApiError error) {
    String body =
        "{\"error\":" + quoted(error.getMessage()) + ",\"status\":" + error.status() + "}\n";
    return new ApiResponse(error.status(), TEXT, bytes(body), true, null, true);
  }

  /** A plain-text error as Go's {@code http.Error} writes it. */
  static ApiResponse text(int status, String message, boolean routed) {
    return new ApiResponse(status, TEXT, bytes(message + "\n"), true, null, routed);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder();
    GoJson.string(text, out);
    return out.toString();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
