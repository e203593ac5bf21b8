package dev.chaos4j.proxy.internal.http;

import dev.chaos4j.proxy.internal.Addresses;
import dev.chaos4j.proxy.internal.ProxyCollection;
import dev.chaos4j.proxy.internal.TrafficMetrics;
import dev.chaos4j.proxy.internal.net.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Toxiproxy's HTTP API on a listening socket, and the single thread on which every API operation
 * (and anything else touching the proxies) runs, one at a time.
 */
public final class ApiServer implements AutoCloseable {

  private static final int MAX_BODY = 64 << 20;
  private static final int IDLE_SECONDS = 60;
  private static final int BIND_TIMEOUT_SECONDS = 10;

  private final ExecutorService apiThread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "chaos4j-proxy-api");
            thread.setDaemon(true);
            return thread;
          });
  private final ChannelGroup connections;
  private final ProxyCollection proxies;
  private Channel serverChannel;

  private ApiServer(ProxyCollection proxies, Transport transport) {
    this.proxies = proxies;
    // Not Netty's global executor: its thread is not a daemon and would hold the JVM a moment.
    this.connections = new DefaultChannelGroup(transport.group().next());
  }

  /**
   * Starts the API on {@code address}.
   *
   * @param traffic the byte counters to expose, or {@code null}
   * @param runtimeMetrics whether {@code /metrics} shows JVM metrics
   * @throws IllegalStateException when the address cannot be bound
   */
  public static ApiServer start(
      Transport transport,
      InetSocketAddress address,
      ProxyCollection proxies,
      TrafficMetrics traffic,
      boolean runtimeMetrics) {
    ApiServer server = new ApiServer(proxies, transport);
    MetricsText metrics =
        traffic != null || runtimeMetrics ? new MetricsText(traffic, runtimeMetrics) : null;
    ApiHttpHandler handler =
        new ApiHttpHandler(new ApiRouter(new ProxyApi(proxies), metrics), server.apiThread);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(transport.group())
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    server.connections.add(channel);
                    channel
                        .pipeline()
                        .addLast(new HttpServerCodec(4096, 1 << 20, 8192))
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS))
                        .addLast(handler);
                  }
                });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      server.apiThread.shutdownNow();
      throw new IllegalStateException(
          "cannot listen on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + ": "
              + Addresses.reason(bound.cause()),
          bound.cause());
    }
    server.serverChannel = bound.channel();
    return server;
  }

  /** The address the API listens on, with the real port. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Runs {@code task} on the API thread and returns its result, waiting at most {@code millis}. */
  public <T> T call(Callable<T> task, long millis) throws Exception {
    Future<T> result = apiThread.submit(task);
    try {
      return result.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (TimeoutException e) {
      result.cancel(true);
      throw e;
    }
  }

  /** Stops the API, then stops every proxy (closing their connections). */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    try {
      call(
          () -> {
            proxies.clear();
            return null;
          },
          10_000);
    } catch (Exception e) {
      // Closing anyway: the event loops shut down next and take every socket with them.
    }
    apiThread.shutdownNow();
  }
}
