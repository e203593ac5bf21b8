package dev.chaos4j.middleware.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hosts and ports of outbound calls: the host patterns attacks and guardrails name, and the host
 * and port a called URL designates. Host names are case-insensitive, so patterns and hosts are
 * compared in lower case; an IPv6 literal is written without its brackets ({@code ::1}).
 */
public final class Hosts {

  private static final Pattern HOST_GLOB = Pattern.compile("[a-z0-9*?._:-]{1,253}");

  private Hosts() {}

  /**
   * A host glob ({@code users.internal}, {@code *.svc.cluster.local}, {@code 10.0.0.*}) in the form
   * it is matched in: lower case.
   *
   * @throws IllegalArgumentException when it is not a host name, an address or a glob of them
   */
  public static String glob(String pattern) {
    String lower = pattern == null ? "" : pattern.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("[") && lower.endsWith("]")) {
      lower = lower.substring(1, lower.length() - 1);
    }
    if (!HOST_GLOB.matcher(lower).matches()) {
      throw new IllegalArgumentException(
          "host '"
              + pattern
              + "' must be a host name or address, with '*' or '?' as wildcards"
              + " (like users.internal or *.svc)");
    }
    return lower;
  }

  /**
   * The host a URL calls, lower case and without IPv6 brackets; empty when the URL has none. Does
   * not allocate for a lower-case host name.
   */
  public static String of(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return "";
    }
    if (host.length() > 1 && host.charAt(0) == '[') {
      host = host.substring(1, host.length() - 1);
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /** The port a URL calls: its own, or its scheme's default (443 for https, 80 otherwise). */
  public static int portOf(URI uri) {
    int port = uri.getPort();
    if (port >= 0) {
      return port;
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The path a URL calls, decoded; {@code /} when it has none. */
  public static String pathOf(URI uri) {
    String path = uri.getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }
}
