package dev.chaos4j.core.provider.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which redirects are followed, and how: as the JDK's client does with {@code Redirect.NORMAL}, the
 * rules the provider has always had, whatever the transport.
 *
 * <ul>
 *   <li>{@code 301}, {@code 302}, {@code 303}, {@code 307} and {@code 308} with a {@code Location}
 *       are followed (a redirect without one is the final response, as for python-requests);
 *   <li>at most {@link #MAX} in a row: the response after them is the final one;
 *   <li>never from https to http, nor to another scheme;
 *   <li>{@code 303}, and {@code 301}/{@code 302} after a {@code POST}, continue with a {@code GET}
 *       without body; otherwise the method and body are sent again;
 *   <li>the headers go along, but {@code Authorization} and a {@code Host} the activity gave are
 *       not sent to another host (python-requests drops the first too).
 * </ul>
 */
final class Redirects {
  /** Most redirects followed for one activity. */
  static final int MAX = 5;

  private Redirects() {}

  /**
   * The request that follows a response, or null when the response is the final one.
   *
   * @throws ExchangeFailure when the response redirects to something that is not a URL
   */
  static Request next(Request request, Response response) throws ExchangeFailure {
    int status = response.status();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      return null;
    }
    String location = response.header("Location");
    if (location == null || location.isBlank()) {
      return null;
    }
    URI target = resolve(request.uri(), location.strip());
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    boolean fromHttps = request.uri().getScheme().equalsIgnoreCase("https");
    if (!(scheme.equals("https") || (scheme.equals("http") && !fromHttps))) {
      return null;
    }
    String method = request.method();
    if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
      method = "GET";
    }
    byte[] body = method.equals(request.method()) ? request.body() : null;
    return new Request(method, target, headers(request, target), body);
  }

  /** The location as an absolute URI, characters a URI cannot hold encoded. */
  private static URI resolve(URI base, String location) throws ExchangeFailure {
    try {
      URI relative = new URI(HttpCall.requote(location));
      URI from =
          base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
      URI target = from.resolve(relative);
      if (target.getHost() == null) {
        throw new URISyntaxException(location, "no host");
      }
      return target;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ExchangeFailure(
          ExchangeFailure.Kind.BROKEN,
          "the server redirects to an invalid URL '" + location + "'",
          e);
    }
  }

  private static List<Header> headers(Request request, URI target) {
    if (sameOrigin(request.uri(), target)) {
      return request.headers();
    }
    List<Header> kept = new ArrayList<>(request.headers().size());
    for (Header h : request.headers()) {
      if (!h.name().equalsIgnoreCase("Authorization") && !h.name().equalsIgnoreCase("Host")) {
        kept.add(h);
      }
    }
    return List.copyOf(kept);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
