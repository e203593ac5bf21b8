package dev.chaos4j.proxy.toxic;

import io.netty.buffer.ByteBuf;

/**
 * {@code limit_data}: lets through at most {@code bytes} bytes in its direction of a connection,
 * then closes the connection. The count survives updates of the toxic.
 */
public final class LimitDataToxic implements Toxic {

  /** The {@code limit_data} type. */
  public static final ToxicType TYPE =
      ToxicType.of("limit_data", "LimitDataToxic", LimitDataToxic::new, "bytes");

  private final long limit;

  LimitDataToxic(Attributes attributes) {
    this.limit = attributes.get("bytes");
  }

  @Override
  public Stage newStage(StageContext context) {
    return new LimitStage(context, this);
  }

  private static final class LimitStage extends Stage {
    private LimitDataToxic toxic;
    private long transmitted;
    private boolean closed;

    LimitStage(StageContext context, LimitDataToxic toxic) {
      super(context);
      this.toxic = toxic;
    }

    @Override
    public void onData(ByteBuf data, long timestamp) {
      if (closed) {
        context.discard(data);
        return;
      }
      long remaining = Math.max(0, toxic.limit - transmitted);
      if (data.readableBytes() <= remaining) {
        transmitted += data.readableBytes();
        next().onData(data, timestamp);
      } else {
        if (remaining > 0) {
          transmitted += remaining;
          next().onData(data.readRetainedSlice((int) remaining), timestamp);
        }
        context.discard(data);
      }
      if (toxic.limit - transmitted <= 0) {
        closed = true;
        context.closeConnection();
      }
    }

    @Override
    public void onEnd() {
      next().onEnd();
    }

    @Override
    public void update(Toxic toxic) {
      this.toxic = (LimitDataToxic) toxic;
    }
  }
}
