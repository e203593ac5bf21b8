package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code slicer}: cuts every chunk into pieces of about {@code average_size} bytes, give or take
 * {@code size_variation}, and waits {@code delay} microseconds after each piece.
 */
public final class SlicerToxic implements Toxic {

  /** The {@code slicer} type. */
  public static final ToxicType TYPE =
      new ToxicType(
          "slicer",
          "SlicerToxic",
          List.of(
              new ToxicType.Attribute("average_size", "int"),
              new ToxicType.Attribute("size_variation", "int"),
              new ToxicType.Attribute("delay", "int")),
          SlicerToxic::new);

  /** Keeps {@code variation * 2} within an int. */
  private static final int MAX_VARIATION = 1 << 29;

  private final int averageSize;
  private final int sizeVariation;
  private final long delayNanos;

  SlicerToxic(Attributes attributes) {
    this.averageSize = attributes.getInt("average_size");
    this.sizeVariation = Math.max(0, Math.min(MAX_VARIATION, attributes.getInt("size_variation")));
    this.delayNanos = TimeUnit.MICROSECONDS.toNanos(Math.max(0, attributes.get("delay")));
  }

  @Override
  public Stage newStage(StageContext context) {
    return new SlicerStage(context, this);
  }

  /**
   * Appends to {@code ends} the end offsets of the pieces of {@code [start, end)}: halves it, moved
   * by up to the variation, until the pieces are close enough to the average size. Pieces are never
   * empty, whatever the attributes.
   */
  void cut(int start, int end, IntList ends) {
    int length = end - start;
    if (length - averageSize <= sizeVariation || length <= 1) {
      ends.add(end);
      return;
    }
    int middle = start + length / 2;
    if (sizeVariation > 0) {
      middle += ThreadLocalRandom.current().nextInt(sizeVariation * 2) - sizeVariation;
    }
    middle = Math.max(start + 1, Math.min(end - 1, middle));
    cut(start, middle, ends);
    cut(middle, end, ends);
  }

  /** A growable list of ints, reused from chunk to chunk. */
  static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int get(int index) {
      return values[index];
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }
  }

  private static final class SlicerStage extends Stage {
    private final TimedQueue queue = new TimedQueue(this);
    private final IntList ends = new IntList();
    private SlicerToxic toxic;
    private long nextFree = Long.MIN_VALUE;

    SlicerStage(StageContext context, SlicerToxic toxic) {
      super(context);
      this.toxic = toxic;
    }

    @Override
    public void onData(ByteBuf data, long timestamp) {
      ends.clear();
      toxic.cut(0, data.readableBytes(), ends);
      long at = Math.max(context.nanoTime(), nextFree);
      int start = 0;
      for (int i = 0; i < ends.size(); i++) {
        int end = ends.get(i);
        queue.add(data.readRetainedSlice(end - start), timestamp, at);
        start = end;
        at += toxic.delayNanos;
      }
      nextFree = at;
      context.discard(data);
    }

    @Override
    public void onEnd() {
      long now = context.nanoTime();
      queue.addEnd(now, Math.max(now, nextFree));
    }

    @Override
    public void update(Toxic toxic) {
      this.toxic = (SlicerToxic) toxic;
    }

    @Override
    public void onRemoved() {
      queue.releaseAll();
    }

    @Override
    public void dispose() {
      queue.dispose();
    }
  }
}
