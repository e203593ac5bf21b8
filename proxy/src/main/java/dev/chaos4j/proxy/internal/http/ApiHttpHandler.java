package dev.chaos4j.proxy.internal.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Date;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands each complete HTTP request to the API's single thread and writes the answer back. Requests
 * of one connection are answered in order (the thread takes them in order).
 */
@ChannelHandler.Sharable
final class ApiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final ApiRouter router;
  private final Executor apiThread;
  private final RequestIds requestIds = new RequestIds();

  ApiHttpHandler(ApiRouter router, Executor apiThread) {
    this.router = router;
    this.apiThread = apiThread;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    HttpVersion version = request.protocolVersion();
    if (!request.decoderResult().isSuccess()) {
      // What Go's server answers to a request it cannot parse.
      send(ctx, version, ApiResponse.text(400, "400 Bad Request", false), false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String method = request.method().name();
    String uri = request.uri();
    String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT);
    byte[] body = ByteBufUtil.getBytes(request.content());
    try {
      apiThread.execute(
          () -> send(ctx, version, router.route(method, uri, body, userAgent), keepAlive));
    } catch (RejectedExecutionException e) {
      // The server is shutting down.
      ctx.close();
    }
  }

  private void send(
      ChannelHandlerContext ctx, HttpVersion version, ApiResponse answer, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            version,
            HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(answer.body()));
    HttpHeaders headers = response.headers();
    if (answer.contentType() != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
    }
    if (answer.noSniff()) {
      headers.set("X-Content-Type-Options", "nosniff");
    }
    if (answer.location() != null) {
      headers.set(HttpHeaderNames.LOCATION, answer.location());
    }
    if (answer.routed()) {
      headers.set("X-Toxiproxy-Request-Id", requestIds.next());
    }
    headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
    if (answer.status() != 204) {
      headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
    }
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      if (version.equals(HttpVersion.HTTP_1_0)) {
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      }
      ctx.writeAndFlush(response);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
