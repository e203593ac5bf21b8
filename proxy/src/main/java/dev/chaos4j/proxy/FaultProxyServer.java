package dev.chaos4j.proxy;

import dev.chaos4j.proxy.internal.DataPlane;
import dev.chaos4j.proxy.internal.ProxyCollection;
import dev.chaos4j.proxy.internal.TrafficMetrics;
import dev.chaos4j.proxy.internal.http.ApiServer;
import dev.chaos4j.proxy.internal.http.ProxyConfig;
import dev.chaos4j.proxy.internal.net.NetSettings;
import dev.chaos4j.proxy.internal.net.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A running fault proxy server: Toxiproxy's HTTP API on one address, and the proxies created
 * through it (or from a configuration file), each forwarding TCP connections to its upstream
 * through the toxics it has.
 *
 * <pre>{@code
 * try (FaultProxyServer server = FaultProxyServer.start("127.0.0.1", 0)) {
 *   ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
 *   ...
 * }
 * }</pre>
 *
 * <p>Threads are daemons; {@link #close()} stops the API, closes every proxied connection and
 * releases every socket.
 */
public final class FaultProxyServer implements AutoCloseable {

  /** Toxiproxy's default API port. */
  public static final int DEFAULT_PORT = 8474;

  private static final long CONFIG_TIMEOUT_MILLIS = 60_000;
  private static final long LIST_TIMEOUT_MILLIS = 10_000;

  private final Transport transport;
  private final ApiServer api;
  private final ProxyCollection proxies;
  private final String host;

  private FaultProxyServer(
      Transport transport, ApiServer api, ProxyCollection proxies, String host) {
    this.transport = transport;
    this.api = api;
    this.proxies = proxies;
    this.host = host;
  }

  /**
   * Starts a server with the API on {@code host:port} ({@code port} 0 picks a free port) and
   * default settings.
   *
   * @throws FaultProxyException when the address cannot be bound
   */
  public static FaultProxyServer start(String host, int port) {
    return builder().host(host).port(port).start();
  }

  /** Settings for a server; {@link Builder#start()} starts it. */
  public static Builder builder() {
    return new Builder();
  }

  /** The host the API listens on, as given. */
  public String host() {
    return host;
  }

  /** The port the API listens on (the real one when 0 was asked for). */
  public int port() {
    return api.localAddress().getPort();
  }

  /** The address the API listens on. */
  public InetSocketAddress address() {
    return api.localAddress();
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8474}. */
  public URI url() {
    String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port());
  }

  /** Whether the data plane uses Linux epoll (rather than Java NIO). */
  public boolean isNativeTransport() {
    return transport.isNative();
  }

  /**
   * Loads a proxy configuration file: a JSON array of proxies as {@code POST /populate} takes,
   * where each proxy may list {@code toxics}. Proxies that already exist with the same addresses
   * are kept; a proxy that lists toxics gets exactly those.
   *
   * @throws FaultProxyException naming the file and the problem when it cannot be read or applied
   */
  public void load(Path configFile) {
    byte[] json;
    try {
      json = Files.readAllBytes(configFile);
    } catch (IOException e) {
      throw new FaultProxyException("cannot read proxy config " + configFile + ": " + e, e);
    }
    try {
      api.call(
          () -> {
            ProxyConfig.apply(proxies, json);
            return null;
          },
          CONFIG_TIMEOUT_MILLIS);
    } catch (IllegalArgumentException e) {
      throw new FaultProxyException("proxy config " + configFile + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new FaultProxyException("proxy config " + configFile + ": " + e, e);
    }
  }

  /**
   * The proxies of the server now, ordered by name, as {@code GET /proxies} shows them.
   *
   * @throws FaultProxyException when the API does not answer within 10 s or the thread is
   *     interrupted (its interrupt status is then kept)
   */
  public List<ProxyInfo> proxies() {
    return query(
        () ->
            proxies.all().stream()
                .map(p -> new ProxyInfo(p.name(), p.listen(), p.upstream(), p.enabled()))
                .toList(),
        "listing the proxies",
        "list the proxies");
  }

  /**
   * One proxy of a running server.
   *
   * @param name its name
   * @param listen the address it listens on (with the real port while it is enabled)
   * @param upstream the address it forwards to, as given
   * @param enabled whether it accepts connections
   */
  public record ProxyInfo(String name, String listen, String upstream, boolean enabled) {}

  /**
   * How many client connections every proxy together has open right now (accepted and not yet
   * closed), e.g. to check that a system under test let go of its connections.
   *
   * @throws FaultProxyException if the server is closed or too busy to answer within 10 s, or the
   *     thread is interrupted (its interrupt status is then kept)
   */
  public int openConnections() {
    return query(
        proxies::connectionCount,
        "counting the proxied connections",
        "count the proxied connections");
  }

  /**
   * Runs a read on the API's thread, within 10 s.
   *
   * @param doing what it does, for "interrupted while ..."
   * @param what what it does, for "cannot ..."
   */
  private <T> T query(Callable<T> task, String doing, String what) {
    try {
      return api.call(task, LIST_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultProxyException("interrupted while " + doing, e);
    } catch (Exception e) {
      throw new FaultProxyException("cannot " + what + ": " + e, e);
    }
  }

  /** Stops the API and every proxy, closing all their connections. */
  @Override
  public void close() {
    try {
      api.close();
    } finally {
      transport.close();
    }
  }

  /** Settings of a server to start. */
  public static final class Builder {
    private String host = "localhost";
    private int port = DEFAULT_PORT;
    private Path config;
    private boolean proxyMetrics;
    private boolean runtimeMetrics;
    private boolean nativeTransport;
    private int ioThreads;

    private Builder() {}

    /** The API's host name or address; default {@code localhost}, as Toxiproxy. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The API's port; default 8474, as Toxiproxy; 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** A proxy configuration file to load at start (see {@link FaultProxyServer#load(Path)}). */
    public Builder config(Path config) {
      this.config = config;
      return this;
    }

    /**
     * Whether {@code /metrics} counts the bytes through each proxy (Toxiproxy's -proxy-metrics).
     */
    public Builder proxyMetrics(boolean proxyMetrics) {
      this.proxyMetrics = proxyMetrics;
      return this;
    }

    /** Whether {@code /metrics} shows JVM metrics (in place of Toxiproxy's -runtime-metrics). */
    public Builder runtimeMetrics(boolean runtimeMetrics) {
      this.runtimeMetrics = runtimeMetrics;
      return this;
    }

    /**
     * Whether to use Linux epoll, where available, rather than Java NIO (the default). Off by
     * default because Netty's epoll transport (4.2.18 here, unchanged up to 4.2.20) drops data
     * written to a socket whose peer has half-closed it once that socket's write side has had to
     * wait (its registration is removed from epoll and never restored), and the two perform alike
     * here (docs/benchmarks.md).
     */
    public Builder nativeTransport(boolean nativeTransport) {
      this.nativeTransport = nativeTransport;
      return this;
    }

    /** Event-loop threads; default 0, one per available processor. */
    public Builder ioThreads(int ioThreads) {
      this.ioThreads = ioThreads;
      return this;
    }

    /**
     * Starts the server, then loads the configuration file if one was given.
     *
     * @throws FaultProxyException when the API address cannot be bound or the file not applied
     */
    public FaultProxyServer start() {
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw new FaultProxyException(
            "cannot listen on " + host + ":" + port + ": unknown host " + host, null);
      }
      Transport transport = Transport.start(nativeTransport, ioThreads);
      TrafficMetrics traffic = proxyMetrics ? new TrafficMetrics() : null;
      ProxyCollection proxies =
          new ProxyCollection(new DataPlane(transport, NetSettings.DEFAULTS, traffic));
      ApiServer api;
      try {
        api = ApiServer.start(transport, address, proxies, traffic, runtimeMetrics);
      } catch (IllegalStateException e) {
        transport.close();
        throw new FaultProxyException(e.getMessage(), e.getCause());
      }
      FaultProxyServer server = new FaultProxyServer(transport, api, proxies, host);
      if (config != null) {
        try {
          server.load(config);
        } catch (FaultProxyException e) {
          server.close();
          throw e;
        }
      }
      return server;
    }
  }
}
