package dev.chaos4j.middleware;

import dev.chaos4j.middleware.AttackStatus.Source;
import dev.chaos4j.middleware.AttackStatus.State;
import dev.chaos4j.middleware.internal.Durations;
import dev.chaos4j.middleware.internal.Glob;
import dev.chaos4j.middleware.internal.Hosts;
import dev.chaos4j.middleware.internal.PathPattern;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The installed attacks and the arming state, and the per-request decision over them.
 *
 * <p>Changes are rare and go through one lock; each change publishes a new immutable {@link
 * Snapshot} that requests read through one volatile field. Expiry is enforced twice: each attack
 * checks its own end of life when it fires, and a sweep scheduled at the earliest expiry removes
 * it.
 */
final class AttackRegistry {

  private static final System.Logger LOG = System.getLogger("dev.chaos4j.middleware");

  private final MiddlewareConfig config;
  private final AttackCompiler compiler;
  private final HeaderAttacks headerAttacks;
  private final ScheduledExecutorService scheduler;
  private final PathPattern[] excluded;
  private final Glob[] excludedHosts;
  private final long maxDelayMillis;

  private final Object lock = new Object();
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private long controlLeaseEndNanos;
  private ScheduledFuture<?> sweep;

  /** Delayed requests wait on this monitor; removing an attack or disarming wakes them. */
  private final Object sleepers = new Object();

  /** Delays waited without a thread (asynchronous adapters); disarming completes them early. */
  private final Set<PendingDelay> pendingDelays = ConcurrentHashMap.newKeySet();

  private final AtomicInteger globalInFlight = new AtomicInteger();
  private final AtomicBoolean refreshPending = new AtomicBoolean();
  private volatile Snapshot snapshot = Snapshot.IDLE;
  private volatile boolean ready;
  private volatile boolean switchedOn = true;

  /** Copied on change: read on attacked requests only. */
  private volatile AttackListener[] listeners = new AttackListener[0];

  AttackRegistry(
      MiddlewareConfig config,
      AttackCompiler compiler,
      HeaderAttacks headerAttacks,
      ScheduledExecutorService scheduler) {
    this.config = config;
    this.compiler = compiler;
    this.headerAttacks = headerAttacks;
    this.scheduler = scheduler;
    this.excluded =
        config.excludeRoutes().stream().map(PathPattern::compile).toArray(PathPattern[]::new);
    this.excludedHosts =
        config.outboundExcludeHosts().stream().map(Glob::compile).toArray(Glob[]::new);
    this.maxDelayMillis = config.maxDelay().toMillis();
  }

  /** One installed attack. */
  private record Entry(
      AttackSpec spec,
      Source source,
      Instant createdAt,
      Instant expiresAt,
      long expiresAtNanos,
      AttackState state,
      CompiledAttack compiled,
      boolean targeted) {}

  // ---- the per-request decision ----

  boolean idle() {
    return !snapshot.active;
  }

  boolean outboundIdle() {
    return !snapshot.outboundActive;
  }

  <R> AttackPlan plan(String method, String path, R request, RequestHeaders<R> headers) {
    Snapshot s = snapshot;
    if (!s.active) {
      return null;
    }
    CompiledAttack[] attacks = s.attacks;
    if (s.headers) {
      String carried = headers.get(request, AttackHeaders.ATTACK);
      if (carried != null) {
        CompiledAttack[] fromHeader =
            headerAttacks.accept(carried, headers.get(request, AttackHeaders.SIGNATURE));
        if (fromHeader != null) {
          attacks = fromHeader;
        }
      }
    }
    AttackPlan plan = null;
    boolean routeAllowed = false;
    for (CompiledAttack attack : attacks) {
      if (!attack.targets(method, path, request, headers)) {
        continue;
      }
      if (!routeAllowed) {
        if (s.excludes(path)) {
          return null;
        }
        routeAllowed = true;
      }
      if (!attack.tryFire()) {
        if (attack.exhausted()) {
          refreshSoon();
        }
        continue;
      }
      if (plan == null && (plan = open(attack, method, path)) == null) {
        return null;
      }
      plan.add(attack);
      if (attack.exhausted()) {
        refreshSoon();
      }
    }
    if (plan != null && listeners.length > 0) {
      AttackPlan attacked = plan;
      notifyListeners(l -> l.onAttack(attacked));
    }
    if (plan != null && config.logHits() && LOG.isLoggable(Level.INFO)) {
      logHits(plan, method + " " + path);
    }
    return plan;
  }

  /**
   * The decision for one call to a dependency. Reads only the outbound attacks; header attacks
   * never apply to calls (they belong to the request that carried them).
   */
  <R> AttackPlan planOutbound(String method, URI uri, R request, RequestHeaders<R> headers) {
    Snapshot s = snapshot;
    if (!s.outboundActive) {
      return null;
    }
    String host = Hosts.of(uri);
    int port = Hosts.portOf(uri);
    String path = Hosts.pathOf(uri);
    AttackPlan plan = null;
    boolean hostAllowed = false;
    for (CompiledAttack attack : s.outbound) {
      if (!attack.targetsCall(method, host, port, path, request, headers)) {
        continue;
      }
      if (!hostAllowed) {
        if (s.excludesHost(host)) {
          return null;
        }
        hostAllowed = true;
      }
      if (!attack.tryFire()) {
        if (attack.exhausted()) {
          refreshSoon();
        }
        continue;
      }
      if (plan == null && (plan = open(attack, method, path)) == null) {
        return null;
      }
      plan.add(attack);
      if (attack.exhausted()) {
        refreshSoon();
      }
    }
    if (plan != null && listeners.length > 0) {
      AttackPlan attacked = plan;
      notifyListeners(l -> l.onAttack(attacked));
    }
    if (plan != null && config.logHits() && LOG.isLoggable(Level.INFO)) {
      // The query is left out: it may carry credentials.
      String target =
          uri.getScheme()
              + "://"
              + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
              + ":"
              + port
              + path;
      logHits(plan, "outbound " + method + " " + target);
    }
    return plan;
  }

  /**
   * Opens the plan of a request on its first hit, taking a global concurrency slot when the
   * configuration caps them; {@code null} (the hit given back) when the cap is reached.
   */
  private AttackPlan open(CompiledAttack firstHit, String method, String path) {
    boolean capped = config.maxConcurrent() > 0;
    if (capped && globalInFlight.incrementAndGet() > config.maxConcurrent()) {
      globalInFlight.decrementAndGet();
      firstHit.release();
      firstHit.state.hits.decrementAndGet();
      return null;
    }
    return new AttackPlan(this, capped, maxDelayMillis, method, path);
  }

  private static void logHits(AttackPlan plan, String what) {
    for (AttackPlan.Hit hit : plan.hits()) {
      LOG.log(
          Level.INFO, "chaos4j attack ''{0}'' hit {1}: {2}", hit.attackId(), what, hit.describe());
    }
  }

  boolean pause(CompiledAttack attack, long millis) {
    if (millis <= 0) {
      return true;
    }
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (sleepers) {
      while (true) {
        if (!acts(attack)) {
          return false;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return true;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(sleepers, remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }

  /** Whether the attack may still act: not removed, and the middleware armed. */
  boolean acts(CompiledAttack attack) {
    return !attack.state.ended && armed();
  }

  /**
   * The delay of {@link #pause} without a waiting thread: completes with {@code true} once the time
   * has passed, or with {@code false} as soon as the attack is disarmed. The completion runs on
   * {@code executor} (the default asynchronous pool when {@code null}), never on the caller's
   * thread unless there is nothing to wait for.
   */
  CompletableFuture<Boolean> delay(CompiledAttack attack, long millis, Executor executor) {
    if (millis <= 0 || !acts(attack)) {
      return CompletableFuture.completedFuture(acts(attack));
    }
    PendingDelay pending = new PendingDelay(attack, executor);
    pendingDelays.add(pending);
    pending.whenComplete((acted, error) -> pendingDelays.remove(pending));
    // Registered before this check, so a disarm in between is not missed.
    if (!acts(attack)) {
      pending.complete(false);
      return pending;
    }
    CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, pending)
        .execute(() -> pending.complete(acts(attack)));
    return pending;
  }

  /**
   * A delay waited without a thread, and the attack it belongs to. It completes on the adapter's
   * executor, so that what follows the delay (the call, the caller's own stages) never runs on the
   * JDK's timer thread or on the thread that disarmed the attack.
   */
  private static final class PendingDelay extends CompletableFuture<Boolean> implements Executor {
    final CompiledAttack attack;
    private final Executor executor;

    PendingDelay(CompiledAttack attack, Executor executor) {
      this.attack = attack;
      this.executor = executor != null ? executor : defaultExecutor();
    }

    /** Cuts the delay short: the attack was disarmed. */
    void cutShort() {
      execute(() -> complete(false));
    }

    @Override
    public void execute(Runnable completion) {
      try {
        executor.execute(completion);
      } catch (RejectedExecutionException e) {
        // An executor that was shut down must not leave the call waiting forever.
        completion.run();
      }
    }
  }

  // ---- listeners ----

  void addListener(AttackListener listener) {
    synchronized (lock) {
      AttackListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
      more[listeners.length] = Objects.requireNonNull(listener, "listener");
      listeners = more;
    }
  }

  /** Tells the listeners that a plan's hit held its request this long. */
  void delayed(AttackPlan plan, AttackPlan.Hit hit, long servedMillis) {
    if (listeners.length > 0) {
      notifyListeners(l -> l.onDelay(plan, hit, servedMillis));
    }
  }

  /** Tells the listeners that an attacked request is over. */
  void done(AttackPlan plan) {
    if (listeners.length > 0) {
      notifyListeners(l -> l.onDone(plan));
    }
  }

  private void notifyListeners(Consumer<AttackListener> event) {
    for (AttackListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "chaos4j middleware: listener " + listener + " failed", e);
      }
    }
  }

  void releaseGlobalSlot() {
    globalInFlight.decrementAndGet();
  }

  // ---- arming ----

  boolean armed() {
    return config.enabled() && ready && switchedOn;
  }

  boolean ready() {
    return ready;
  }

  boolean switchedOn() {
    return switchedOn;
  }

  void markReady() {
    synchronized (lock) {
      if (!ready) {
        ready = true;
        LOG.log(Level.INFO, "chaos4j middleware: application ready, attacks armed");
        publish();
      }
    }
  }

  void switchTo(boolean on) {
    synchronized (lock) {
      if (switchedOn != on) {
        switchedOn = on;
        LOG.log(
            Level.INFO,
            on
                ? "chaos4j middleware switched on"
                : "chaos4j middleware switched off: every attack disarmed");
        publish();
      }
    }
    if (!on) {
      wakeSleepers();
    }
  }

  // ---- changes ----

  AttackStatus create(AttackSpec spec) {
    synchronized (lock) {
      AttackSpec named = spec.id() != null ? spec : spec.withId(freshId());
      if (entries.containsKey(named.id())) {
        throw new IllegalStateException("attack '" + named.id() + "' already exists");
      }
      checkRoom(1);
      Entry entry = entry(named, Source.LOCAL, new AttackState());
      entries.put(named.id(), entry);
      LOG.log(Level.INFO, "chaos4j attack ''{0}'' installed: {1}", named.id(), describe(entry));
      publish();
      return status(entry);
    }
  }

  AttackStatus update(AttackSpec spec) {
    if (spec.id() == null) {
      throw new InvalidAttackException("an update needs the attack's id");
    }
    synchronized (lock) {
      Entry old = localEntry(spec.id());
      Entry entry = entry(spec, Source.LOCAL, old.state());
      entries.put(spec.id(), entry);
      LOG.log(Level.INFO, "chaos4j attack ''{0}'' updated: {1}", spec.id(), describe(entry));
      publish();
      return status(entry);
    }
  }

  boolean delete(String id) {
    synchronized (lock) {
      Entry entry = entries.get(id);
      if (entry == null) {
        return false;
      }
      localEntry(id);
      end(entries.remove(id), "deleted");
      publish();
    }
    wakeSleepers();
    return true;
  }

  int clearLocal() {
    int removed = 0;
    synchronized (lock) {
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (entry.source() == Source.LOCAL) {
          it.remove();
          end(entry, "deleted");
          removed++;
        }
      }
      publish();
    }
    wakeSleepers();
    return removed;
  }

  /**
   * Replaces the attacks of the control URL with the given ones. All are checked first: one invalid
   * attack refuses the whole document. An attack unchanged since the last poll keeps its expiry and
   * counters; the set lives until {@code leaseEnd} unless renewed.
   */
  void replaceControl(List<AttackSpec> specs, Duration lease) {
    Map<String, AttackSpec> wanted = new LinkedHashMap<>();
    for (AttackSpec spec : specs) {
      if (spec.id() == null) {
        throw new InvalidAttackException("attacks from the control URL need an 'id'");
      }
      if (wanted.put(spec.id(), spec) != null) {
        throw new InvalidAttackException("attack id '" + spec.id() + "' appears twice");
      }
      compiler.ttlOf(spec);
      compiler.compile(spec, new AttackState(), System.nanoTime());
    }
    synchronized (lock) {
      Map<String, Entry> previous = new HashMap<>();
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (entry.source() == Source.CONTROL) {
          previous.put(entry.spec().id(), entry);
          it.remove();
        }
      }
      for (AttackSpec spec : wanted.values()) {
        Entry old = previous.remove(spec.id());
        if (!compiler.targetsThisInstance(spec)) {
          if (old != null) {
            end(old, "no longer targets this instance");
          }
          continue;
        }
        if (entries.containsKey(spec.id())) {
          LOG.log(
              Level.WARNING,
              "chaos4j control URL: attack ''{0}'' ignored: a local attack has that id",
              spec.id());
          continue;
        }
        if (entries.size() >= config.maxAttacks()) {
          LOG.log(
              Level.WARNING,
              "chaos4j control URL: attack ''{0}'' ignored: already {1} attacks ({2}max-attacks)",
              spec.id(),
              entries.size(),
              MiddlewareConfig.PREFIX);
          continue;
        }
        Entry entry;
        if (old != null && old.spec().equals(spec)) {
          entry = old;
        } else {
          entry = entry(spec, Source.CONTROL, old != null ? old.state() : new AttackState());
          LOG.log(
              Level.INFO,
              "chaos4j attack ''{0}'' installed from the control URL: {1}",
              spec.id(),
              describe(entry));
        }
        entries.put(spec.id(), entry);
      }
      for (Entry gone : previous.values()) {
        end(gone, "no longer listed by the control URL");
      }
      controlLeaseEndNanos = System.nanoTime() + lease.toNanos();
      publish();
    }
    wakeSleepers();
  }

  /** Removes every attack of the control URL (fail safe); returns how many there were. */
  int clearControl(String why) {
    int removed = 0;
    synchronized (lock) {
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (entry.source() == Source.CONTROL) {
          it.remove();
          entry.state().ended = true;
          removed++;
        }
      }
      if (removed > 0) {
        LOG.log(
            Level.WARNING,
            "chaos4j control URL: {0}; its {1} attack(s) cleared (fail safe)",
            why,
            removed);
        publish();
      }
    }
    wakeSleepers();
    return removed;
  }

  // ---- reading ----

  List<AttackStatus> list() {
    synchronized (lock) {
      List<AttackStatus> out = new ArrayList<>(entries.size());
      for (Entry entry : entries.values()) {
        out.add(status(entry));
      }
      return out;
    }
  }

  AttackStatus get(String id) {
    synchronized (lock) {
      Entry entry = entries.get(id);
      return entry == null ? null : status(entry);
    }
  }

  int size() {
    synchronized (lock) {
      return entries.size();
    }
  }

  Map<String, Long> headerCounts() {
    return headerAttacks == null ? Map.of() : headerAttacks.counts();
  }

  // ---- machinery ----

  private Entry entry(AttackSpec spec, Source source, AttackState state) {
    Duration ttl = compiler.ttlOf(spec);
    long expiresAtNanos = System.nanoTime() + ttl.toNanos();
    CompiledAttack compiled = compiler.compile(spec, state, expiresAtNanos);
    Instant now = Instant.now();
    return new Entry(
        spec,
        source,
        now,
        now.plus(ttl),
        expiresAtNanos,
        state,
        compiled,
        compiler.targetsThisInstance(spec));
  }

  private Entry localEntry(String id) {
    Entry entry = entries.get(id);
    if (entry == null) {
      throw new NoSuchElementException("no attack '" + id + "'");
    }
    if (entry.source() == Source.CONTROL) {
      throw new IllegalStateException(
          "attack '" + id + "' comes from the control URL; change it there");
    }
    return entry;
  }

  private void checkRoom(int more) {
    if (entries.size() + more > config.maxAttacks()) {
      throw new InvalidAttackException(
          "already "
              + entries.size()
              + " attacks installed, the maximum ("
              + MiddlewareConfig.PREFIX
              + "max-attacks)");
    }
  }

  private String freshId() {
    while (true) {
      byte[] bytes = new byte[4];
      ThreadLocalRandom.current().nextBytes(bytes);
      String id = "attack-" + HexFormat.of().formatHex(bytes);
      if (!entries.containsKey(id)) {
        return id;
      }
    }
  }

  private void end(Entry entry, String why) {
    entry.state().ended = true;
    LOG.log(
        Level.INFO,
        "chaos4j attack ''{0}'' {1} after {2} hit(s)",
        entry.spec().id(),
        why,
        entry.state().hits.get());
  }

  private void wakeSleepers() {
    synchronized (sleepers) {
      sleepers.notifyAll();
    }
    for (PendingDelay pending : pendingDelays) {
      if (!acts(pending.attack)) {
        pending.cutShort();
      }
    }
    if (listeners.length > 0) {
      notifyListeners(AttackListener::onDisarm);
    }
  }

  /** Republishes soon, off the request thread: an attack reached its hit cap. */
  private void refreshSoon() {
    if (scheduler != null && !scheduler.isShutdown() && refreshPending.compareAndSet(false, true)) {
      scheduler.execute(
          () -> {
            refreshPending.set(false);
            synchronized (lock) {
              publish();
            }
          });
    }
  }

  /** Builds and publishes the snapshot, then schedules the sweep of the next expiry. Under lock. */
  private void publish() {
    if (!armed()) {
      snapshot = Snapshot.IDLE;
    } else {
      List<CompiledAttack> inbound = new ArrayList<>(entries.size());
      List<CompiledAttack> outbound = new ArrayList<>();
      long now = System.nanoTime();
      for (Entry entry : entries.values()) {
        CompiledAttack attack = entry.compiled();
        if (!entry.targeted() || attack.exhausted() || now - entry.expiresAtNanos() >= 0) {
          continue;
        }
        if (entry.source() == Source.CONTROL && controlLeaseEndNanos - entry.expiresAtNanos() < 0) {
          attack = attack.expiringAt(controlLeaseEndNanos);
        }
        (attack.outbound ? outbound : inbound).add(attack);
      }
      snapshot =
          new Snapshot(
              inbound.toArray(new CompiledAttack[0]),
              headerAttacks != null,
              excluded,
              outbound.toArray(new CompiledAttack[0]),
              excludedHosts);
    }
    scheduleSweep();
  }

  private void scheduleSweep() {
    if (scheduler == null || scheduler.isShutdown()) {
      return;
    }
    long next = Long.MAX_VALUE;
    boolean any = false;
    boolean control = false;
    for (Entry entry : entries.values()) {
      next = any ? Math.min(next, entry.expiresAtNanos()) : entry.expiresAtNanos();
      any = true;
      control |= entry.source() == Source.CONTROL;
    }
    if (control && next - controlLeaseEndNanos > 0) {
      next = controlLeaseEndNanos;
    }
    if (sweep != null) {
      sweep.cancel(false);
      sweep = null;
    }
    if (any) {
      long delay = Math.max(0, next - System.nanoTime());
      sweep = scheduler.schedule(this::sweep, delay, TimeUnit.NANOSECONDS);
    }
  }

  private void sweep() {
    boolean removed = false;
    synchronized (lock) {
      long now = System.nanoTime();
      boolean leaseOver = now - controlLeaseEndNanos >= 0;
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (now - entry.expiresAtNanos() >= 0) {
          it.remove();
          end(entry, "expired (ttl)");
          removed = true;
        } else if (entry.source() == Source.CONTROL && leaseOver) {
          it.remove();
          end(entry, "lapsed: the control URL has not confirmed it in time");
          removed = true;
        }
      }
      publish();
    }
    if (removed) {
      wakeSleepers();
    }
  }

  private AttackStatus status(Entry entry) {
    State state;
    long now = System.nanoTime();
    if (now - entry.expiresAtNanos() >= 0) {
      state = State.EXPIRED;
    } else if (!entry.targeted()) {
      state = State.NOT_TARGETED;
    } else if (!armed()) {
      state = State.DISARMED;
    } else if (entry.compiled().exhausted()) {
      state = State.EXHAUSTED;
    } else {
      state = State.ACTIVE;
    }
    return new AttackStatus(
        entry.spec(),
        entry.source(),
        state,
        entry.createdAt(),
        entry.expiresAt(),
        entry.state().hits.get(),
        Math.max(0, entry.state().inFlight.get()));
  }

  private static String describe(Entry entry) {
    AttackSpec spec = entry.spec();
    StringBuilder out = new StringBuilder();
    if (spec.outbound()) {
      out.append("outbound calls to ")
          .append(spec.host() == null ? "any host" : spec.host())
          .append(spec.port() == 0 ? "" : ":" + spec.port())
          .append(", ");
    }
    out.append(spec.methods().isEmpty() ? "any method" : String.join("|", spec.methods()))
        .append(' ')
        .append(spec.route());
    if (spec.delay() != null) {
      AttackSpec.Delay d = spec.delay();
      out.append(", delay ")
          .append(
              d.minMillis() == d.maxMillis()
                  ? d.minMillis() + (d.jitterMillis() > 0 ? "±" + d.jitterMillis() : "")
                  : d.minMillis() + "-" + d.maxMillis())
          .append(" ms");
    }
    if (spec.fault() instanceof AttackSpec.Abort a) {
      out.append(", abort ").append(a.status());
    } else if (spec.fault() instanceof AttackSpec.ThrowException t) {
      out.append(", throw ").append(t.type());
    }
    out.append(", ")
        .append(spec.outbound() ? "before the call" : spec.phase().jsonName() + " the handler");
    if (spec.probability() < 1) {
      out.append(", probability ").append(spec.probability());
    }
    out.append(", ttl ")
        .append(Durations.format(Duration.between(entry.createdAt(), entry.expiresAt())));
    if (!entry.targeted()) {
      out.append(" (targets another instance)");
    }
    return out.toString();
  }
}
