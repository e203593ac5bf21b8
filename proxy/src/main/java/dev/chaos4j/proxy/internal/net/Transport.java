package dev.chaos4j.proxy.internal.net;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;

/**
 * The event loops and socket classes of one server: Java NIO, or Linux epoll when asked for and the
 * native library loads.
 */
public final class Transport implements AutoCloseable {

  private static final int KEEP_ALIVE_SECONDS = 15;

  /** Whether the JDK can set keep-alive times (Linux and macOS can; others would log warnings). */
  private static final boolean NIO_KEEP_ALIVE_TIMES =
      System.getProperty("os.name", "").startsWith("Linux")
          || System.getProperty("os.name", "").startsWith("Mac");

  private final boolean epoll;
  private final EventLoopGroup group;

  private Transport(boolean epoll, int threads) {
    this.epoll = epoll;
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group =
        new MultiThreadIoEventLoopGroup(
            threads, new DefaultThreadFactory("chaos4j-proxy", true), factory);
  }

  /**
   * Starts the event loops.
   *
   * @param preferNative use epoll when available
   * @param threads event-loop threads; 0 means one per available processor
   */
  public static Transport start(boolean preferNative, int threads) {
    int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    return new Transport(preferNative && Epoll.isAvailable(), count);
  }

  /** Whether this transport uses Linux epoll. */
  public boolean isNative() {
    return epoll;
  }

  /** The event loops every channel of the server runs on. */
  public EventLoopGroup group() {
    return group;
  }

  /** The class of listening sockets. */
  public Class<? extends ServerChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /** The class of connected sockets. */
  public Class<? extends SocketChannel> socketChannel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /**
   * Options of the proxied sockets beyond the defaults: TCP keep-alive probing after 15 s of
   * silence, every 15 s, as Go (hence Toxiproxy) sets it, so a peer that vanished without a word is
   * noticed and its connection freed.
   */
  Map<ChannelOption<?>, Object> keepAliveOptions() {
    Map<ChannelOption<?>, Object> options = new LinkedHashMap<>();
    options.put(ChannelOption.SO_KEEPALIVE, true);
    if (epoll) {
      options.put(EpollChannelOption.TCP_KEEPIDLE, KEEP_ALIVE_SECONDS);
      options.put(EpollChannelOption.TCP_KEEPINTVL, KEEP_ALIVE_SECONDS);
    } else if (NIO_KEEP_ALIVE_TIMES) {
      options.put(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), KEEP_ALIVE_SECONDS);
      options.put(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), KEEP_ALIVE_SECONDS);
    }
    return options;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
