package dev.chaos4j.proxy.toxic;

/**
 * A toxic at work on one direction of one connection. It receives the chunks of its predecessor in
 * the chain through {@link Flow} and hands what it lets through to {@link #next()}, when it decides
 * to. Every method is called on the connection's event-loop thread.
 */
public abstract class Stage implements Flow {

  /** The services of the connection this stage runs in. */
  protected final StageContext context;

  private Flow next;

  /** Creates a stage running in {@code context}. */
  protected Stage(StageContext context) {
    this.context = context;
  }

  /** Where data goes next; changes when toxics are added or removed around this one. */
  protected final Flow next() {
    return next;
  }

  /** Connects this stage to the flow that follows it. Called by the connection only. */
  public final void connect(Flow next) {
    this.next = next;
  }

  /**
   * The toxic's attributes changed. The stage keeps its per-connection state (for instance the
   * bytes a limit_data toxic has already let through).
   */
  public abstract void update(Toxic toxic);

  /**
   * The toxic was removed from the proxy: pass on at once, in order, whatever is held, so that no
   * data is lost. A toxic whose removal must end the connection does so here instead.
   */
  public void onRemoved() {}

  /** The connection is gone: release held buffers and cancel timers. */
  public void dispose() {}
}
