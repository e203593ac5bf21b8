package dev.chaos4j.middleware.spring.webflux;

import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response an attacked handler writes to when an attack acts after it: its body is held back,
 * up to a limit, so that the response is still uncommitted when the attack runs and can be delayed
 * or replaced. {@link #release()} then sends it, or {@link #discard()} drops it. A body larger than
 * the limit, or a streamed one, is sent as it comes; the attack then cannot replace it.
 */
final class HeldServerResponse extends ServerHttpResponseDecorator {

  private final long limit;
  private final List<DataBuffer> held = new ArrayList<>();
  private long heldBytes;
  private boolean overflowed;
  private boolean written;
  private boolean completed;

  HeldServerResponse(ServerHttpResponse delegate, long limit) {
    super(delegate);
    this.limit = limit;
  }

  @Override
  public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
    // The first window is held; it closes on the buffer that crosses the limit, and the rest of
    // the body then goes out behind what was held. Held as a list: buffers ignored one by one
    // would be released by the server's discard hook.
    return Flux.<DataBuffer>from(body)
        .windowUntil(this::crossesLimit)
        .index()
        .concatMap(
            window ->
                window.getT1() == 0
                    ? window.getT2().collectList().doOnNext(held::addAll).then()
                    : writeThrough(window.getT2()))
        .then(Mono.defer(() -> overflowed && !written ? writeThrough(Flux.empty()) : Mono.empty()));
  }

  @Override
  public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
    overflowed = true;
    written = true;
    return getDelegate().writeAndFlushWith(body);
  }

  @Override
  public Mono<Void> setComplete() {
    completed = true;
    return Mono.empty();
  }

  /** Whether the body went out already (too large to hold, or streamed). */
  boolean sent() {
    return written || getDelegate().isCommitted();
  }

  /** Sends what the handler wrote. */
  Mono<Void> release() {
    if (written) {
      return Mono.empty();
    }
    written = true;
    if (held.isEmpty()) {
      return completed ? getDelegate().setComplete() : Mono.empty();
    }
    List<DataBuffer> body = new ArrayList<>(held);
    held.clear();
    return getDelegate().writeWith(Flux.fromIterable(body));
  }

  /** Drops what the handler wrote; idempotent. */
  void discard() {
    held.forEach(DataBufferUtils::release);
    held.clear();
  }

  private boolean crossesLimit(DataBuffer buffer) {
    if (overflowed) {
      return false;
    }
    heldBytes += buffer.readableByteCount();
    overflowed = heldBytes > limit;
    return overflowed;
  }

  private Mono<Void> writeThrough(Flux<DataBuffer> rest) {
    written = true;
    List<DataBuffer> head = new ArrayList<>(held);
    held.clear();
    return getDelegate().writeWith(Flux.fromIterable(head).concatWith(rest));
  }
}
