package dev.chaos4j.proxy.internal.http;

import dev.chaos4j.proxy.internal.ApiError;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Routes a request as Toxiproxy's gorilla/mux router does: an unclean path is redirected (301), an
 * unknown path is 404 {@code 404 page not found}, a known path with another method is 405 with no
 * body, and browsers (User-Agent {@code Mozilla/...}) are refused with 403.
 */
final class ApiRouter {

  /** A handler of one route, given the path variables and the body. */
  private interface Handler {
    ApiResponse handle(String[] variables, byte[] body);
  }

  /** One route: a path pattern (segments, {@code *} for a variable) and its methods. */
  private record Route(String[] pattern, List<String> methods, Handler handler) {}

  private final List<Route> routes;

  /**
   * @param metrics the {@code /metrics} page, or {@code null} when metrics are off (the route then
   *     does not exist, as in Toxiproxy)
   */
  ApiRouter(ProxyApi api, MetricsText metrics) {
    List<Route> all =
        new java.util.ArrayList<>(
            List.of(
                route("/reset", List.of("POST"), (v, b) -> api.reset()),
                route("/proxies", List.of("GET"), (v, b) -> api.listProxies()),
                route("/proxies", List.of("POST"), (v, b) -> api.createProxy(b)),
                route("/populate", List.of("POST"), (v, b) -> api.populate(b)),
                route("/proxies/*", List.of("GET"), (v, b) -> api.showProxy(v[0])),
                route("/proxies/*", List.of("POST", "PATCH"), (v, b) -> api.updateProxy(v[0], b)),
                route("/proxies/*", List.of("DELETE"), (v, b) -> api.deleteProxy(v[0])),
                route("/proxies/*/toxics", List.of("GET"), (v, b) -> api.listToxics(v[0])),
                route("/proxies/*/toxics", List.of("POST"), (v, b) -> api.createToxic(v[0], b)),
                route("/proxies/*/toxics/*", List.of("GET"), (v, b) -> api.showToxic(v[0], v[1])),
                route(
                    "/proxies/*/toxics/*",
                    List.of("POST", "PATCH"),
                    (v, b) -> api.updateToxic(v[0], v[1], b)),
                route(
                    "/proxies/*/toxics/*",
                    List.of("DELETE"),
                    (v, b) -> api.deleteToxic(v[0], v[1])),
                route("/version", List.of("GET"), (v, b) -> version())));
    if (metrics != null) {
      all.add(
          route(
              "/metrics",
              List.of(),
              (v, b) ->
                  new ApiResponse(
                      200,
                      MetricsText.CONTENT_TYPE,
                      ApiResponse.bytes(metrics.render()),
                      false,
                      null,
                      true)));
    }
    this.routes = List.copyOf(all);
  }

  private static Route route(String pattern, List<String> methods, Handler handler) {
    return new Route(pattern.substring(1).split("/"), methods, handler);
  }

  private static ApiResponse version() {
    return new ApiResponse(
        200,
        "application/json;charset=utf-8",
        ApiResponse.bytes("{\"version\": \"" + ProxyApi.VERSION + "\"}\n"),
        false,
        null,
        true);
  }

  ApiResponse route(String method, String uri, byte[] body, String userAgent) {
    QueryStringDecoder decoder = new QueryStringDecoder(uri);
    String path = decoder.path();
    String clean = cleanPath(path);
    if (!clean.equals(path)) {
      String query = decoder.rawQuery();
      String location = clean + (query.isEmpty() ? "" : "?" + query);
      return new ApiResponse(301, null, new byte[0], false, location, false);
    }
    String[] segments = path.substring(1).split("/", -1);
    boolean pathMatched = false;
    for (Route route : routes) {
      String[] variables = match(route.pattern(), segments);
      if (variables == null) {
        continue;
      }
      pathMatched = true;
      if (!route.methods().isEmpty() && !route.methods().contains(method)) {
        continue;
      }
      if (userAgent != null && userAgent.startsWith("Mozilla/")) {
        return ApiResponse.text(403, "User agent not allowed", true);
      }
      try {
        return route.handler().handle(variables, body);
      } catch (ApiError e) {
        return ApiResponse.error(e);
      } catch (RuntimeException e) {
        return ApiResponse.error(ApiError.internal(String.valueOf(e.getMessage())));
      }
    }
    if (pathMatched) {
      return new ApiResponse(405, null, new byte[0], false, null, false);
    }
    return ApiResponse.text(404, "404 page not found", false);
  }

  /** The path variables if {@code segments} match {@code pattern}, else {@code null}. */
  private static String[] match(String[] pattern, String[] segments) {
    if (pattern.length != segments.length) {
      return null;
    }
    String[] variables = new String[2];
    int count = 0;
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i].equals("*")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        variables[count++] = segments[i];
      } else if (!pattern[i].equals(segments[i])) {
        return null;
      }
    }
    return variables;
  }

  /** gorilla/mux's cleanPath: Go's path.Clean, keeping a trailing slash. */
  static String cleanPath(String path) {
    if (path.isEmpty()) {
      return "/";
    }
    if (path.charAt(0) != '/') {
      path = "/" + path;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    String clean = "/" + String.join("/", parts);
    if (path.endsWith("/") && !clean.equals("/")) {
      clean += "/";
    }
    return clean;
  }
}
