package dev.chaos4j.proxy.internal.net;

import dev.chaos4j.proxy.internal.Addresses;
import dev.chaos4j.proxy.internal.ApiError;
import dev.chaos4j.proxy.internal.Direction;
import dev.chaos4j.proxy.internal.ToxicSet;
import dev.chaos4j.proxy.internal.TrafficMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One enabled proxy's listening socket and the connections it accepted. Closing it refuses new
 * clients and closes every connection, as disabling a proxy in Toxiproxy does.
 */
public final class ProxyListener {

  private final Transport transport;
  private final NetSettings settings;
  private final Supplier<ToxicSet> toxics;
  private final Addresses.HostPort upstream;
  private final Bootstrap upstreamBootstrap;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private TrafficMetrics.Counters upstreamCounters;
  private TrafficMetrics.Counters downstreamCounters;
  private Channel serverChannel;
  private volatile boolean closed;

  private ProxyListener(
      Transport transport, NetSettings settings, String upstream, Supplier<ToxicSet> toxics) {
    this.transport = transport;
    this.settings = settings;
    this.toxics = toxics;
    this.upstream = parseUpstream(upstream);
    this.upstreamBootstrap =
        new Bootstrap()
            .channel(transport.socketChannel())
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(settings))
            .option(ChannelOption.RCVBUF_ALLOCATOR, readSizes(settings));
    transport.keepAliveOptions().forEach(this::upstreamOption);
  }

  @SuppressWarnings("unchecked")
  private void upstreamOption(ChannelOption<?> option, Object value) {
    upstreamBootstrap.option((ChannelOption<Object>) option, value);
  }

  @SuppressWarnings("unchecked")
  private static void childOption(
      ServerBootstrap bootstrap, ChannelOption<?> option, Object value) {
    bootstrap.childOption((ChannelOption<Object>) option, value);
  }

  /**
   * Starts listening on {@code address} for a proxy forwarding to {@code upstream}.
   *
   * @param toxics the proxy's current toxics, read by every new connection
   * @param metrics where to count bytes, or {@code null} not to count
   * @throws ApiError 500 with Go's message when the address cannot be bound
   */
  public static ProxyListener open(
      Transport transport,
      NetSettings settings,
      InetSocketAddress address,
      String proxyName,
      String upstream,
      Supplier<ToxicSet> toxics,
      TrafficMetrics metrics) {
    ProxyListener listener = new ProxyListener(transport, settings, upstream, toxics);
    listener.bind(address);
    if (metrics != null) {
      String listen = Addresses.bound(listener.localAddress());
      listener.upstreamCounters = metrics.counters(Direction.UPSTREAM, proxyName, listen, upstream);
      listener.downstreamCounters =
          metrics.counters(Direction.DOWNSTREAM, proxyName, listen, upstream);
    }
    return listener;
  }

  private void bind(InetSocketAddress address) {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(transport.group())
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .handler(new AcceptFailures())
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(settings))
            .childOption(ChannelOption.RCVBUF_ALLOCATOR, readSizes(settings))
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel client) {
                    Connection connection = new Connection(ProxyListener.this, client);
                    client.pipeline().addLast(connection.clientHandler());
                  }
                });
    transport.keepAliveOptions().forEach((option, value) -> childOption(bootstrap, option, value));
    ChannelFuture bound = bootstrap.bind(address);
    if (!bound.awaitUninterruptibly(settings.waitMillis() * 5, TimeUnit.MILLISECONDS)) {
      bound.channel().close();
      throw ApiError.internal(bindError(address, "timed out"));
    }
    if (!bound.isSuccess()) {
      throw ApiError.internal(bindError(address, Addresses.reason(bound.cause())));
    }
    serverChannel = bound.channel();
  }

  /**
   * A client that cannot be accepted (typically: no file descriptor left) pauses accepting for a
   * second, rather than retrying at once or logging a stack trace each time; waiting clients stay
   * in the listen backlog meanwhile.
   */
  private static final class AcceptFailures extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ChannelConfig config = ctx.channel().config();
      if (config.isAutoRead()) {
        config.setAutoRead(false);
        ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), 1, TimeUnit.SECONDS);
      }
    }
  }

  private static String bindError(InetSocketAddress address, String reason) {
    String where =
        address.getAddress() == null || address.getAddress().isAnyLocalAddress()
            ? ":" + address.getPort()
            : Addresses.format(address.getAddress(), address.getPort());
    return "listen tcp " + where + ": bind: " + reason;
  }

  private static WriteBufferWaterMark waterMark(NetSettings settings) {
    return new WriteBufferWaterMark(settings.writeBufferLow(), settings.writeBufferHigh());
  }

  /**
   * Netty's adaptive read sizes, allowed to grow past its 64 KiB default: bulk transfers then take
   * fewer, larger reads and writes (about a fifth less CPU per byte at 256 KiB on loopback).
   */
  private static AdaptiveRecvByteBufAllocator readSizes(NetSettings settings) {
    return new AdaptiveRecvByteBufAllocator(64, 2048, settings.maxReadBytes());
  }

  private static Addresses.HostPort parseUpstream(String upstream) {
    try {
      Addresses.HostPort hostPort = Addresses.split(upstream);
      return hostPort.host().isEmpty()
          ? new Addresses.HostPort("localhost", hostPort.port())
          : hostPort;
    } catch (IllegalArgumentException e) {
      // Go fails each dial the same way; every client is then closed at once.
      return null;
    }
  }

  /** The address actually bound (with the real port when 0 was asked for). */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  NetSettings settings() {
    return settings;
  }

  ToxicSet toxics() {
    return toxics.get();
  }

  Addresses.HostPort upstream() {
    return upstream;
  }

  Bootstrap upstreamBootstrap() {
    return upstreamBootstrap;
  }

  TrafficMetrics.Counters counters(Direction direction) {
    return direction == Direction.UPSTREAM ? upstreamCounters : downstreamCounters;
  }

  boolean register(Connection connection) {
    connections.add(connection);
    if (closed) {
      connections.remove(connection);
      return false;
    }
    return true;
  }

  void unregister(Connection connection) {
    connections.remove(connection);
  }

  /** How many accepted connections are open (until their client side has closed). */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Makes every open connection take the proxy's current toxics, waiting (a bounded time) until
   * they have, so a client that changes a toxic and then sends data sees the change. A busy
   * connection never blocks the caller beyond the bound.
   */
  public void applyToxics() {
    List<io.netty.util.concurrent.Future<?>> pending = new ArrayList<>();
    for (Map.Entry<EventLoop, List<Connection>> loop : byEventLoop().entrySet()) {
      List<Connection> batch = loop.getValue();
      pending.add(loop.getKey().submit(() -> batch.forEach(Connection::applyToxics)));
    }
    awaitAll(pending);
  }

  /** Stops accepting, then closes every connection at once; waits a bounded time for both. */
  public void close() {
    closed = true;
    serverChannel.close().awaitUninterruptibly(settings.waitMillis(), TimeUnit.MILLISECONDS);
    List<io.netty.util.concurrent.Future<?>> pending = new ArrayList<>();
    for (Connection connection : connections) {
      connection.eventLoop().execute(connection::abort);
      pending.add(connection.client().closeFuture());
    }
    awaitAll(pending);
  }

  private Map<EventLoop, List<Connection>> byEventLoop() {
    Map<EventLoop, List<Connection>> loops = new HashMap<>();
    for (Connection connection : connections) {
      loops.computeIfAbsent(connection.eventLoop(), loop -> new ArrayList<>()).add(connection);
    }
    return loops;
  }

  private void awaitAll(List<io.netty.util.concurrent.Future<?>> futures) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.waitMillis());
    for (io.netty.util.concurrent.Future<?> future : futures) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !future.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
        return;
      }
    }
  }
}
