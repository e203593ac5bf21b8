package dev.chaos4j.core.provider.http;

import java.net.URI;
import java.util.Locale;

/**
 * The host and port an {@code http} URI points at: what a connection is made to, and may be reused
 * for. (A class rather than a record: a record's generated {@code equals} and {@code hashCode} are
 * slow to link and to run before the JIT compiles them, and origins are looked up on every
 * request.)
 */
final class Origin {
  static final int DEFAULT_PORT = 80;

  private final String host;
  private final int port;
  private final String hostHeader;

  /**
   * @param host the host as the URI gives it, lower-cased (an IPv6 address in brackets)
   * @param port the port
   */
  Origin(String host, int port) {
    this.host = host;
    this.port = port;
    this.hostHeader = port == DEFAULT_PORT ? host : host.concat(":").concat(Integer.toString(port));
  }

  /** The origin of an {@code http} URI, port 80 when it gives none. */
  static Origin of(URI uri) {
    int port = uri.getPort();
    return new Origin(uri.getHost().toLowerCase(Locale.ROOT), port < 0 ? DEFAULT_PORT : port);
  }

  int port() {
    return port;
  }

  /** The host to resolve: without the brackets of an IPv6 address. */
  String bareHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The value of the {@code Host} header: the port only when it is not the default. */
  String hostHeader() {
    return hostHeader;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && port == other.port && host.equals(other.host);
  }

  @Override
  public int hashCode() {
    return host.hashCode() * 31 + port;
  }

  @Override
  public String toString() {
    return host.concat(":").concat(Integer.toString(port));
  }
}
