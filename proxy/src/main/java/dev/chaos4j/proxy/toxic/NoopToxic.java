package dev.chaos4j.proxy.toxic;

/** {@code noop}: lets everything through untouched; the connection keeps its fast path. */
public final class NoopToxic implements Toxic {

  /** The {@code noop} type. */
  public static final ToxicType TYPE = ToxicType.of("noop", "NoopToxic", NoopToxic::new);

  NoopToxic(Attributes attributes) {}

  @Override
  public Stage newStage(StageContext context) {
    return null;
  }
}
