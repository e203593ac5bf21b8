package dev.chaos4j.proxy.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler of one socket of a proxied connection (the client's or the upstream's): what it reads
 * goes to the link that reads from it; when it can take more data, the link that writes to it
 * resumes reading.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

  private final Connection connection;
  private final boolean clientSide;
  private Link reading;
  private Link writing;

  /** What arrived before the links existed (epoll may read once even with auto-read off). */
  private List<ByteBuf> early;

  private boolean earlyEnd;

  RelayHandler(Connection connection, boolean clientSide) {
    this.connection = connection;
    this.clientSide = clientSide;
  }

  /** Connects the handler to the links, once the upstream side is open. */
  void attach(Link reading, Link writing) {
    this.reading = reading;
    this.writing = writing;
  }

  /** Hands what arrived before {@link #attach} to the reading link, once its toxics are set. */
  void replayEarly() {
    if (early != null) {
      List<ByteBuf> chunks = early;
      early = null;
      chunks.forEach(reading::onRead);
      reading.afterEvent();
    }
    if (earlyEnd) {
      reading.onSourceEnd();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (clientSide) {
      connection.start();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Link link = reading;
    if (link == null) {
      if (early == null) {
        early = new ArrayList<>(2);
      }
      early.add((ByteBuf) msg);
      return;
    }
    link.onRead((ByteBuf) msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (reading != null) {
      reading.afterEvent();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event == ChannelInputShutdownEvent.INSTANCE) {
      if (reading != null) {
        reading.onSourceEnd();
      } else {
        earlyEnd = true;
      }
    }
    ReferenceCountUtil.release(event);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (writing != null) {
      writing.updateReadInterest();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (early != null) {
      early.forEach(ByteBuf::release);
      early = null;
    }
    connection.onInactive(ctx.channel());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset or failed write: the socket is done for; closing it makes the connection wind down
    // through channelInactive.
    ctx.close();
  }
}
