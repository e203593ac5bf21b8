package dev.chaos4j.core.provider.http;

import java.net.URI;
import java.util.Locale;

/**
 * The host and port an {@code http} URI points at: what a connection is made to, and may be reused
 * for.
 *
 * @param host the host as the URI gives it, lower-cased (an IPv6 address in brackets)
 * @param port the port, 80 when the URI gives none
 */
record Origin(String host, int port) {
  static final int DEFAULT_PORT = 80;

  static Origin of(URI uri) {
    int port = uri.getPort();
    return new Origin(uri.getHost().toLowerCase(Locale.ROOT), port < 0 ? DEFAULT_PORT : port);
  }

  /** The host to resolve: without the brackets of an IPv6 address. */
  String bareHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The value of the {@code Host} header: the port only when it is not the default. */
  String hostHeader() {
    return port == DEFAULT_PORT ? host : host + ":" + port;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
