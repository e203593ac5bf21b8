package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A link for testing stages alone: a clock that moves only when told, the timers it fires, and a
 * sink recording what came out and when. Buffers handed to it are checked for release.
 */
final class FakeLink implements StageContext, Flow {

  /** One chunk that reached the sink. */
  record Output(String text, long atMillis) {}

  private record Timer(long deadline, long order, Runnable task, CompletableFuture<Void> future) {}

  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(
          Comparator.comparingLong(Timer::deadline).thenComparingLong(Timer::order));
  private final List<ByteBuf> created = new ArrayList<>();
  final List<Output> outputs = new ArrayList<>();
  long now;
  long order;
  Long endAtMillis;
  boolean closed;
  boolean reset;
  long discarded;

  /** A buffer holding {@code text}, tracked so the test can check it was released. */
  ByteBuf chunk(String text) {
    ByteBuf buffer = Unpooled.copiedBuffer(text.getBytes());
    created.add(buffer);
    return buffer;
  }

  /** Moves the clock forward by {@code millis}, firing due timers in order. */
  void advance(long millis) {
    long target = now + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!timers.isEmpty() && timers.peek().deadline() <= target) {
      Timer timer = timers.poll();
      if (timer.future().isCancelled()) {
        continue;
      }
      now = Math.max(now, timer.deadline());
      timer.future().complete(null);
      timer.task().run();
    }
    now = target;
  }

  String received() {
    StringBuilder all = new StringBuilder();
    outputs.forEach(output -> all.append(output.text()));
    return all.toString();
  }

  boolean allReleased() {
    return created.stream().allMatch(buffer -> buffer.refCnt() == 0);
  }

  long millis() {
    return TimeUnit.NANOSECONDS.toMillis(now);
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Future<?> schedule(Runnable task, long deadline) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    timers.add(new Timer(deadline, order++, task, future));
    return future;
  }

  @Override
  public void discard(ByteBuf data) {
    discarded += data.readableBytes();
    data.release();
  }

  @Override
  public void closeConnection() {
    closed = true;
  }

  @Override
  public void resetConnection() {
    reset = true;
  }

  @Override
  public void onData(ByteBuf data, long timestamp) {
    outputs.add(new Output(data.toString(java.nio.charset.StandardCharsets.UTF_8), millis()));
    data.release();
  }

  @Override
  public void onEnd() {
    endAtMillis = millis();
  }

  /** A stage of {@code type} with {@code attributes} (name, value pairs), flowing into this. */
  Stage stage(ToxicType type, Object... attributes) {
    Stage stage = toxic(type, attributes).newStage(this);
    stage.connect(this);
    return stage;
  }

  static Toxic toxic(ToxicType type, Object... attributes) {
    Attributes values = type.defaults();
    for (int i = 0; i < attributes.length; i += 2) {
      values = values.with((String) attributes[i], ((Number) attributes[i + 1]).longValue());
    }
    return type.create(values);
  }
}
