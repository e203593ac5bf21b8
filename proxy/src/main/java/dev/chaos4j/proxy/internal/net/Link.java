package dev.chaos4j.proxy.internal.net;

import dev.chaos4j.proxy.internal.Direction;
import dev.chaos4j.proxy.internal.ToxicEntry;
import dev.chaos4j.proxy.internal.TrafficMetrics;
import dev.chaos4j.proxy.toxic.Flow;
import dev.chaos4j.proxy.toxic.Stage;
import dev.chaos4j.proxy.toxic.StageContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.socket.DuplexChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: reads from {@code source}, writes to {@code dest}. With no
 * active toxic, a chunk read is written on as the same (pooled, direct) buffer; otherwise it goes
 * through the chain of toxic stages, and the link itself is the chain's last {@link Flow}. Reading
 * stops while the destination cannot take more or the stages hold too much.
 *
 * <p>Everything here runs on the connection's event-loop thread.
 */
final class Link implements Flow, StageContext {

  /** A toxic of the proxy that acts on this direction, and its stage here if it drew to act. */
  private static final class Slot {
    ToxicEntry entry;
    Stage stage;
    boolean active;

    Slot(ToxicEntry entry, boolean active) {
      this.entry = entry;
      this.active = active;
    }
  }

  private final Connection connection;
  private final Channel source;
  private final Channel dest;
  private final TrafficMetrics.Counters counters;
  private final int maxHeld;

  private List<Slot> slots = List.of();

  /** Where read data goes: the first stage, or this link when no stage is active. */
  private Flow head = this;

  /** Bytes inside the stages. */
  private long held;

  private boolean pausedForHeld;
  private boolean flushNeeded;
  private boolean sourceEnded;
  private boolean endReached;
  private boolean finished;

  Link(
      Connection connection,
      Direction direction,
      Channel source,
      Channel dest,
      TrafficMetrics.Counters counters,
      int maxHeld) {
    this.connection = connection;
    this.source = source;
    this.dest = dest;
    this.counters = counters;
    this.maxHeld = maxHeld;
  }

  Channel dest() {
    return dest;
  }

  /** Whether this direction is over: its end was delivered, or its destination is gone. */
  boolean isFinished() {
    return finished;
  }

  // ---- data from the source

  void onRead(ByteBuf data) {
    if (finished) {
      data.release();
      return;
    }
    int length = data.readableBytes();
    if (counters != null) {
      counters.received.add(length);
    }
    if (head == this) {
      send(data, length);
    } else {
      held += length;
      head.onData(data, System.nanoTime());
    }
  }

  void onSourceEnd() {
    if (sourceEnded || finished) {
      return;
    }
    sourceEnded = true;
    head.onEnd();
    afterEvent();
  }

  /** Flushes what was written and adjusts reading; called after every batch of events. */
  void afterEvent() {
    if (flushNeeded) {
      flushNeeded = false;
      dest.flush();
    }
    updateReadInterest();
  }

  void updateReadInterest() {
    if (pausedForHeld) {
      pausedForHeld = held > maxHeld / 2;
    } else {
      pausedForHeld = held >= maxHeld;
    }
    boolean read =
        !finished
            && !sourceEnded
            && !pausedForHeld
            && !connection.isClosing()
            && dest.isWritable()
            // Netty's epoll transport fails to re-arm reading on a socket whose input is shut.
            && !(source instanceof DuplexChannel duplex && duplex.isInputShutdown());
    ChannelConfig config = source.config();
    if (config.isAutoRead() != read) {
      config.setAutoRead(read);
    }
  }

  // ---- the end of the chain

  @Override
  public void onData(ByteBuf data, long timestamp) {
    int length = data.readableBytes();
    held -= length;
    if (finished || endReached) {
      data.release();
      return;
    }
    send(data, length);
  }

  private void send(ByteBuf data, int length) {
    if (counters != null) {
      counters.sent.add(length);
    }
    dest.write(data, dest.voidPromise());
    flushNeeded = true;
  }

  @Override
  public void onEnd() {
    if (finished || endReached) {
      return;
    }
    endReached = true;
    flushNeeded = false;
    dest.writeAndFlush(Unpooled.EMPTY_BUFFER)
        .addListener(
            written -> {
              if (!finished) {
                finished = true;
                connection.directionDone(this);
              }
            });
  }

  // ---- toxics

  /**
   * Brings the stages in line with the proxy's toxics acting on this direction: removed toxics
   * first pass on what they hold, updated ones keep their state, new ones join at their place.
   * Whether a toxic acts here is drawn (by its toxicity) when it appears and when it is updated.
   */
  void apply(List<ToxicEntry> chain) {
    if (finished) {
      return;
    }
    List<Slot> current = slots;
    List<Slot> updated = new ArrayList<>();
    for (Slot slot : current) {
      ToxicEntry now = find(chain, slot.entry.id());
      if (now == null) {
        removeStage(slot);
      } else if (now != slot.entry) {
        slot.entry = now;
        slot.active = now.roll();
        if (!slot.active) {
          removeStage(slot);
        } else if (slot.stage != null) {
          updated.add(slot);
        }
      }
    }
    for (Slot slot : updated) {
      slot.stage.update(slot.entry.toxic());
    }
    List<Slot> next = new ArrayList<>(chain.size());
    for (ToxicEntry entry : chain) {
      Slot slot = findSlot(current, entry.id());
      if (slot == null) {
        slot = new Slot(entry, entry.roll());
      }
      if (slot.active && slot.stage == null) {
        slot.stage = entry.toxic().newStage(this);
      }
      next.add(slot);
    }
    slots = next;
    rewire();
  }

  private void removeStage(Slot slot) {
    Stage stage = slot.stage;
    if (stage != null) {
      slot.stage = null;
      stage.onRemoved();
      rewire();
    }
  }

  private void rewire() {
    Flow next = this;
    for (int i = slots.size() - 1; i >= 0; i--) {
      Stage stage = slots.get(i).stage;
      if (stage != null) {
        stage.connect(next);
        next = stage;
      }
    }
    head = next;
  }

  private static ToxicEntry find(List<ToxicEntry> chain, long id) {
    for (ToxicEntry entry : chain) {
      if (entry.id() == id) {
        return entry;
      }
    }
    return null;
  }

  private static Slot findSlot(List<Slot> slots, long id) {
    for (Slot slot : slots) {
      if (slot.entry.id() == id) {
        return slot;
      }
    }
    return null;
  }

  // ---- ending

  /** The destination is gone: drop what the stages hold and stop reading. */
  void abandon() {
    finished = true;
    dispose();
    updateReadInterest();
  }

  /** The connection is closing: no more data goes through. */
  void stop() {
    finished = true;
  }

  /** Releases what the stages hold and cancels their timers. */
  void dispose() {
    for (Slot slot : slots) {
      if (slot.stage != null) {
        slot.stage.dispose();
        slot.stage = null;
      }
    }
    slots = List.of();
    head = this;
    held = 0;
  }

  // ---- StageContext

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Future<?> schedule(Runnable task, long deadline) {
    return source
        .eventLoop()
        .schedule(
            () -> {
              task.run();
              afterEvent();
            },
            deadline - System.nanoTime(),
            TimeUnit.NANOSECONDS);
  }

  @Override
  public void discard(ByteBuf data) {
    held -= data.readableBytes();
    data.release();
  }

  @Override
  public void closeConnection() {
    connection.close();
  }

  @Override
  public void resetConnection() {
    connection.reset();
  }
}
