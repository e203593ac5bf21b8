package dev.chaos4j.proxy.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * {@code host:port} strings as Toxiproxy (Go's net package) reads and writes them: an empty host
 * means every interface, IPv6 hosts go in brackets, and a bound wildcard address reads {@code
 * [::]:port}.
 */
public final class Addresses {

  private Addresses() {}

  /** A {@code host:port} split in two; {@code host} may be empty. */
  public record HostPort(String host, int port) {}

  /**
   * Splits {@code address} as Go's {@code net.SplitHostPort} does.
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code address x: missing port in
   *     address}
   */
  public static HostPort split(String address) {
    String host;
    String port;
    int lastColon = address.lastIndexOf(':');
    if (lastColon < 0) {
      throw problem(address, "missing port in address");
    }
    if (address.startsWith("[")) {
      int close = address.indexOf(']');
      if (close < 0) {
        throw problem(address, "missing ']' in address");
      }
      if (close + 1 == address.length()) {
        throw problem(address, "missing port in address");
      }
      if (close + 1 != lastColon) {
        throw problem(
            address,
            address.charAt(close + 1) == ':'
                ? "too many colons in address"
                : "missing port in address");
      }
      host = address.substring(1, close);
    } else {
      host = address.substring(0, lastColon);
      if (host.indexOf(':') >= 0) {
        throw problem(address, "too many colons in address");
      }
    }
    port = address.substring(lastColon + 1);
    return new HostPort(host, parsePort(address, port));
  }

  /** A listen address; an empty one means every interface and any port, as in Go. */
  private static HostPort splitListen(String listen) {
    return listen.isEmpty() ? new HostPort("", 0) : split(listen);
  }

  private static int parsePort(String address, String port) {
    if (port.isEmpty()) {
      return 0;
    }
    try {
      int value = Integer.parseInt(port);
      if (value >= 0 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, as Go does
    }
    throw new IllegalArgumentException("address " + address + ": invalid port");
  }

  private static IllegalArgumentException problem(String address, String what) {
    return new IllegalArgumentException("address " + address + ": " + what);
  }

  /**
   * The socket address to listen on for {@code listen}: the wildcard address when the host is
   * empty, otherwise the host's first address (IPv4 preferred, as Go does).
   *
   * @throws ApiError 500 with Go's {@code listen tcp: ...} message when the address is invalid
   */
  public static InetSocketAddress listenAddress(String listen) {
    HostPort hostPort;
    try {
      hostPort = splitListen(listen);
    } catch (IllegalArgumentException e) {
      throw ApiError.internal("listen tcp: " + e.getMessage());
    }
    if (hostPort.host().isEmpty()) {
      return new InetSocketAddress(hostPort.port());
    }
    try {
      return new InetSocketAddress(resolve(hostPort.host()), hostPort.port());
    } catch (UnknownHostException e) {
      throw ApiError.internal("listen tcp: lookup " + hostPort.host() + ": no such host");
    }
  }

  /**
   * {@code listen} as Go's {@code net.ResolveTCPAddr} prints it, used to tell whether two listen
   * addresses are the same: {@code localhost:0} becomes {@code 127.0.0.1:0}, {@code :0} stays.
   *
   * @throws ApiError 500 with Go's message when the address is invalid
   */
  public static String resolved(String listen) {
    HostPort hostPort;
    try {
      hostPort = splitListen(listen);
    } catch (IllegalArgumentException e) {
      throw ApiError.internal(e.getMessage());
    }
    if (hostPort.host().isEmpty()) {
      return ":" + hostPort.port();
    }
    try {
      return format(resolve(hostPort.host()), hostPort.port());
    } catch (UnknownHostException e) {
      throw ApiError.internal("lookup " + hostPort.host() + ": no such host");
    }
  }

  /** The address a bound listener reports, as Go prints it ({@code [::]:port} for wildcards). */
  public static String bound(InetSocketAddress address) {
    if (address.getAddress() == null || address.getAddress().isAnyLocalAddress()) {
      return "[::]:" + address.getPort();
    }
    return format(address.getAddress(), address.getPort());
  }

  /**
   * Why a socket operation failed, worded as Go words system errors ("address already in use"): the
   * system's text without Netty's or Java's prefix, starting in lower case.
   */
  public static String reason(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    int colon = message.lastIndexOf(": ");
    if (colon >= 0) {
      message = message.substring(colon + 2);
    }
    return message.isEmpty()
        ? message
        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  /** {@code host:port} with an IPv6 host in brackets, in its shortest form. */
  public static String format(InetAddress address, int port) {
    if (address instanceof Inet6Address inet6) {
      return "[" + ipv6(inet6) + "]:" + port;
    }
    return address.getHostAddress() + ":" + port;
  }

  private static InetAddress resolve(String host) throws UnknownHostException {
    InetAddress[] all = InetAddress.getAllByName(host);
    for (InetAddress candidate : all) {
      if (candidate instanceof Inet4Address) {
        return candidate;
      }
    }
    return all[0];
  }

  /** RFC 5952 text of an IPv6 address: lowercase, no leading zeros, longest zero run as "::". */
  static String ipv6(Inet6Address address) {
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    if (address.getScopeId() != 0 || address.getScopedInterface() != null) {
      String full = address.getHostAddress();
      text.append(full.substring(full.indexOf('%')));
    }
    return text.toString();
  }
}
