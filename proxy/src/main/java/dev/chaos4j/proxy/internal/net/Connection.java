package dev.chaos4j.proxy.internal.net;

import dev.chaos4j.proxy.internal.Addresses;
import dev.chaos4j.proxy.internal.Direction;
import dev.chaos4j.proxy.internal.ToxicEntry;
import dev.chaos4j.proxy.internal.ToxicSet;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One proxied connection: a client accepted by a listener and its own connection to the upstream,
 * with a {@link Link} for each direction. Both sockets share one event loop, so the connection
 * needs no locking. When one side sends its end, the other side's output is shut down (half close);
 * the connection closes when both directions are over.
 */
final class Connection {

  private final ProxyListener listener;
  private final Channel client;
  private final RelayHandler clientHandler;
  private Channel upstream;
  private Link up;
  private Link down;
  private ScheduledFuture<?> delayedConnect;
  private long appliedVersion = -1;
  private boolean closing;

  Connection(ProxyListener listener, Channel client) {
    this.listener = listener;
    this.client = client;
    this.clientHandler = new RelayHandler(this, true);
  }

  RelayHandler clientHandler() {
    return clientHandler;
  }

  EventLoop eventLoop() {
    return client.eventLoop();
  }

  Channel client() {
    return client;
  }

  boolean isClosing() {
    return closing;
  }

  /** The client is connected: open the upstream side, after any slow_connect delay. */
  void start() {
    if (!listener.register(this)) {
      client.close();
      return;
    }
    client.closeFuture().addListener(closed -> listener.unregister(this));
    long delay = 0;
    for (ToxicEntry entry : listener.toxics().entries()) {
      long toxicDelay = entry.toxic().connectDelayNanos();
      if (toxicDelay > 0 && entry.roll()) {
        delay += toxicDelay;
      }
    }
    if (delay > 0) {
      delayedConnect = client.eventLoop().schedule(this::connect, delay, TimeUnit.NANOSECONDS);
    } else {
      connect();
    }
  }

  private void connect() {
    delayedConnect = null;
    Addresses.HostPort target = listener.upstream();
    if (closing || target == null) {
      close();
      return;
    }
    RelayHandler upstreamHandler = new RelayHandler(this, false);
    ChannelFuture connected =
        listener
            .upstreamBootstrap()
            .clone(client.eventLoop())
            .handler(upstreamHandler)
            .connect(target.host(), target.port());
    upstream = connected.channel();
    connected.addListener(
        (ChannelFutureListener)
            done -> {
              if (done.isSuccess()) {
                established(upstreamHandler);
              } else {
                // A socket that could not even be created (no descriptor left) never joined the
                // event loop, and its failure is reported from another thread.
                client.eventLoop().execute(this::upstreamFailed);
              }
            });
  }

  private void upstreamFailed() {
    if (!upstream.isRegistered()) {
      upstream = null;
    }
    close();
  }

  private void established(RelayHandler upstreamHandler) {
    if (closing) {
      upstream.close();
      return;
    }
    int maxHeld = listener.settings().maxHeldBytes();
    up =
        new Link(
            this,
            Direction.UPSTREAM,
            client,
            upstream,
            listener.counters(Direction.UPSTREAM),
            maxHeld);
    down =
        new Link(
            this,
            Direction.DOWNSTREAM,
            upstream,
            client,
            listener.counters(Direction.DOWNSTREAM),
            maxHeld);
    clientHandler.attach(up, down);
    upstreamHandler.attach(down, up);
    applyToxics();
    clientHandler.replayEarly();
    upstreamHandler.replayEarly();
    up.afterEvent();
    down.afterEvent();
  }

  /** Takes the listener's current toxics, if newer than those applied. */
  void applyToxics() {
    if (up == null || closing) {
      return;
    }
    ToxicSet toxics = listener.toxics();
    if (toxics.version() <= appliedVersion) {
      return;
    }
    appliedVersion = toxics.version();
    up.apply(toxics.chain(Direction.UPSTREAM));
    down.apply(toxics.chain(Direction.DOWNSTREAM));
    up.afterEvent();
    down.afterEvent();
  }

  /** {@code link} delivered its end of stream. */
  void directionDone(Link link) {
    Link other = link == up ? down : up;
    if (other.isFinished()) {
      close();
    } else if (link.dest() instanceof DuplexChannel duplex && link.dest().isActive()) {
      duplex.shutdownOutput();
    }
  }

  /** One socket closed, by its peer (FIN after reset, or an error) or by us. */
  void onInactive(Channel channel) {
    if (closing) {
      return;
    }
    if (up == null) {
      close();
      return;
    }
    Link from = channel == client ? up : down;
    Link to = channel == client ? down : up;
    to.abandon();
    from.onSourceEnd();
    if (from.isFinished()) {
      close();
    }
  }

  /** Closes both sides once what was let through is written (or after the grace period). */
  void close() {
    if (!beginClosing()) {
      return;
    }
    closeAfterFlush(client);
    if (upstream != null) {
      closeAfterFlush(upstream);
    }
  }

  /** Resets both sides now (TCP RST), as reset_peer does. */
  void reset() {
    if (!beginClosing()) {
      return;
    }
    resetChannel(client);
    if (upstream != null) {
      resetChannel(upstream);
    }
  }

  /** Closes both sides now, dropping anything not yet sent, as disabling a proxy does. */
  void abort() {
    beginClosing();
    client.close();
    if (upstream != null) {
      upstream.close();
    }
  }

  private boolean beginClosing() {
    if (closing) {
      return false;
    }
    closing = true;
    if (delayedConnect != null) {
      delayedConnect.cancel(false);
      delayedConnect = null;
    }
    if (up != null) {
      up.stop();
      down.stop();
      // Stages are released after the current event, which may be one of theirs.
      client.eventLoop().execute(this::dispose);
    }
    return true;
  }

  private void dispose() {
    up.dispose();
    down.dispose();
  }

  private void closeAfterFlush(Channel channel) {
    if (!channel.isActive()) {
      channel.close();
      return;
    }
    ChannelFuture flushed = channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
    if (flushed.isDone()) {
      channel.close();
      return;
    }
    flushed.addListener(ChannelFutureListener.CLOSE);
    ScheduledFuture<?> deadline =
        channel
            .eventLoop()
            .schedule(
                () -> {
                  channel.close();
                },
                listener.settings().closeGraceMillis(),
                TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(closed -> deadline.cancel(false));
  }

  private static void resetChannel(Channel channel) {
    if (channel.isActive()) {
      try {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException e) {
        // The socket is already going away; a plain close is all that is left.
      }
    }
    channel.close();
  }
}
