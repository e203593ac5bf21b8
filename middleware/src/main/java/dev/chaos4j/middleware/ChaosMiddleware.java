package dev.chaos4j.middleware;

import dev.chaos4j.middleware.internal.Durations;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The chaos middleware of one application: its attacks, its switch, its control channels, and the
 * per-request decision framework adapters call.
 *
 * <p>Safe by default: nothing happens unless the configuration says {@code enabled}; attacks act
 * only once the application {@linkplain #markReady() is ready} and while the switch is on; every
 * attack expires; delays, exception types, the number of attacks and header lifetimes are bounded
 * by the configuration.
 *
 * <p>The decision ({@link #plan} for requests the application receives, {@link #planOutbound} for
 * the calls it makes) reads one volatile snapshot of immutable compiled attacks: when nothing is
 * armed it is a read and a branch, and a request no attack targets allocates nothing.
 */
public final class ChaosMiddleware implements AutoCloseable {

  /** The servlet context attribute under which the filter publishes its middleware. */
  public static final String CONTEXT_ATTRIBUTE = ChaosMiddleware.class.getName();

  private static final System.Logger LOG = System.getLogger("dev.chaos4j.middleware");
  private static final RequestHeaders<Object> NO_HEADERS = (request, name) -> null;

  private final MiddlewareConfig config;
  private final AttackRegistry registry;
  private final ScheduledExecutorService scheduler;
  private AdminServer admin;
  private ControlPoller poller;
  private volatile boolean closed;

  private ChaosMiddleware(MiddlewareConfig config, ScheduledExecutorService scheduler) {
    this.config = config;
    this.scheduler = scheduler;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    AttackCompiler compiler =
        new AttackCompiler(
            config, loader != null ? loader : ChaosMiddleware.class.getClassLoader());
    HeaderAttacks headers =
        config.enabled() && config.headerAttacks() ? new HeaderAttacks(config, compiler) : null;
    this.registry = new AttackRegistry(config, compiler, headers, scheduler);
  }

  /**
   * Starts the middleware: its admin API and control URL polling when configured, and its arming
   * after {@code ready-after} when set. A disabled configuration gives an inert middleware that
   * starts nothing.
   *
   * @throws java.io.UncheckedIOException when the admin API cannot listen on its port
   */
  public static ChaosMiddleware start(MiddlewareConfig config) {
    if (!config.enabled()) {
      LOG.log(
          Level.DEBUG,
          "chaos4j middleware disabled ({0}enabled is not true)",
          MiddlewareConfig.PREFIX);
      return new ChaosMiddleware(config, null);
    }
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            config.controlUrl() != null ? 2 : 1,
            r -> {
              Thread t = new Thread(r, "chaos4j-middleware");
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    ChaosMiddleware middleware = new ChaosMiddleware(config, scheduler);
    try {
      if (config.adminPort() != null) {
        middleware.admin = AdminServer.start(middleware, config);
      }
      if (config.controlUrl() != null) {
        middleware.poller = new ControlPoller(config, middleware.registry, scheduler);
        middleware.poller.start();
      }
    } catch (RuntimeException e) {
      middleware.close();
      throw e;
    }
    Duration readyAfter = config.readyAfter();
    if (readyAfter != null && readyAfter.isZero()) {
      middleware.markReady();
    } else if (readyAfter != null) {
      scheduler.schedule(
          middleware::markReady, readyAfter.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }
    LOG.log(
        Level.INFO,
        "chaos4j middleware enabled for {0} (instance {1}): {2}; max delay {3}; attack headers"
            + " {4}; admin API {5}; control URL {6}",
        config.application() == null ? "this application" : config.application(),
        config.instance(),
        readyAfter == null
            ? "armed once the application is ready"
            : "armed " + Durations.format(readyAfter) + " after start",
        Durations.format(config.maxDelay()),
        config.headerSecret() != null
            ? "signed"
            : config.allowUnsignedHeaders() ? "UNSIGNED accepted" : "off",
        middleware.admin == null ? "off" : "on " + middleware.admin.address(),
        config.controlUrl() == null ? "none" : config.controlUrl());
    return middleware;
  }

  /** The configuration it runs with. */
  public MiddlewareConfig config() {
    return config;
  }

  /**
   * Signals that the application is ready: attacks may act from now on. Until then none does, so
   * start-up (warm-up, health checks) is never attacked. Idempotent.
   */
  public void markReady() {
    if (config.enabled()) {
      registry.markReady();
    }
  }

  /** Switches attacks back on after {@link #disable()}. */
  public void enable() {
    requireEnabled();
    registry.switchTo(true);
  }

  /**
   * The kill switch: disarms every attack at once, header attacks included, and cuts short the
   * delays in progress. Attacks stay installed (and keep expiring) until {@link #enable()}.
   */
  public void disable() {
    if (config.enabled()) {
      registry.switchTo(false);
    }
  }

  /** The state of the middleware. */
  public MiddlewareStatus status() {
    return new MiddlewareStatus(
        config.enabled(),
        registry.ready(),
        registry.switchedOn(),
        config.application(),
        config.environment(),
        config.instance(),
        registry.size(),
        registry.headerCounts(),
        poller == null ? null : poller.status());
  }

  /** Every installed attack, in installation order. */
  public List<AttackStatus> attacks() {
    return registry.list();
  }

  /** One installed attack. */
  public Optional<AttackStatus> attack(String id) {
    return Optional.ofNullable(registry.get(id));
  }

  /**
   * Installs an attack; without an id, one is chosen.
   *
   * @throws InvalidAttackException when it breaks a guardrail
   * @throws IllegalStateException when its id is taken, or the middleware is disabled
   */
  public AttackStatus create(AttackSpec spec) {
    requireEnabled();
    return registry.create(spec);
  }

  /**
   * Replaces the definition of an installed attack (same id); its counters are kept and its
   * time-to-live starts again.
   *
   * @throws java.util.NoSuchElementException when there is no such attack
   * @throws IllegalStateException when it comes from the control URL
   */
  public AttackStatus update(AttackSpec spec) {
    requireEnabled();
    return registry.update(spec);
  }

  /**
   * Removes an attack; requests it is delaying are released.
   *
   * @return whether there was such an attack
   * @throws IllegalStateException when it comes from the control URL
   */
  public boolean delete(String id) {
    return config.enabled() && registry.delete(id);
  }

  /** Removes every local attack (those of the control URL stay); returns how many. */
  public int clear() {
    return config.enabled() ? registry.clearLocal() : 0;
  }

  /** Where the admin API listens, when it is on. */
  public Optional<InetSocketAddress> adminAddress() {
    return Optional.ofNullable(admin).map(AdminServer::address);
  }

  /**
   * Adds a listener of attacked requests (metrics, logs, traces). Listeners are told in the order
   * they were added; requests left alone never reach them.
   */
  public void addListener(AttackListener listener) {
    registry.addListener(listener);
  }

  /**
   * Whether no request can be attacked now. Adapters check it first, so that when nothing is armed
   * a request costs one volatile read. Outbound attacks do not count: they never act on requests.
   */
  public boolean isIdle() {
    return registry.idle();
  }

  /**
   * Whether no call to a dependency can be attacked now. Client adapters check it first, so that
   * when no outbound attack is armed a call costs one volatile read.
   */
  public boolean isOutboundIdle() {
    return registry.outboundIdle();
  }

  /**
   * Decides what to do to one request.
   *
   * @param method the HTTP method, upper case
   * @param path the path relative to the application's context path, starting with '/'
   * @param request the framework's request, handed to {@code headers}
   * @param headers reads a header of the request
   * @return the plan for an attacked request, which the caller must close; {@code null} for a
   *     request left alone
   */
  public <R> AttackPlan plan(String method, String path, R request, RequestHeaders<R> headers) {
    return registry.plan(method, path, request, headers);
  }

  /**
   * Decides what to do to one call the application makes to a dependency, for client adapters that
   * cannot read the call's headers: attacks with a {@code headers} condition then never target it.
   *
   * @param method the HTTP method, upper case
   * @param uri the URL called
   * @return the plan for an attacked call, which the caller must close once the call is over;
   *     {@code null} for a call left alone
   */
  public AttackPlan planOutbound(String method, URI uri) {
    return registry.planOutbound(method, uri, null, NO_HEADERS);
  }

  /**
   * Decides what to do to one call the application makes to a dependency. The plan's hits are
   * carried out before the call is sent: each delay (which a non-blocking adapter waits with {@link
   * AttackPlan#delay}), then the first fault: an abort answers for the dependency, which is never
   * called; an exception fails the call as a network failure would.
   *
   * @param method the HTTP method, upper case
   * @param uri the URL called
   * @param request the client's request, handed to {@code headers}
   * @param headers reads a header of the outgoing call
   * @return the plan for an attacked call, which the caller must close once the call is over;
   *     {@code null} for a call left alone
   */
  public <R> AttackPlan planOutbound(String method, URI uri, R request, RequestHeaders<R> headers) {
    return registry.planOutbound(method, uri, request, headers);
  }

  /** Stops the admin API and polling, and disarms everything. */
  @Override
  public void close() {
    closed = true;
    if (admin != null) {
      admin.stop();
    }
    if (poller != null) {
      poller.stop();
    }
    if (config.enabled()) {
      registry.switchTo(false);
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private void requireEnabled() {
    if (!config.enabled()) {
      throw new IllegalStateException(
          "the chaos4j middleware is disabled ("
              + MiddlewareConfig.PREFIX
              + "enabled is not true)");
    }
    if (closed) {
      throw new IllegalStateException("the chaos4j middleware is closed");
    }
  }
}
