package dev.chaos4j.proxy.internal;

import dev.chaos4j.proxy.internal.net.ProxyListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One proxy: a name, the address it listens on, the upstream it forwards to, whether it is enabled,
 * and its toxics. Changed only by the API's single thread; connections read the toxics (an
 * immutable {@link ToxicSet}) from their own threads.
 */
public final class Proxy {

  private final DataPlane plane;
  private final String name;
  private String listen;
  private String upstream;
  private boolean enabled;
  private ProxyListener listener;
  private volatile ToxicSet toxics = ToxicSet.EMPTY;

  /** A proxy, not yet listening. */
  public Proxy(DataPlane plane, String name, String listen, String upstream) {
    this.plane = plane;
    this.name = name;
    this.listen = listen;
    this.upstream = upstream;
  }

  /** The proxy's name. */
  public String name() {
    return name;
  }

  /** The listen address: as bound while enabled, as given otherwise. */
  public String listen() {
    return listen;
  }

  /** The upstream address, as given. */
  public String upstream() {
    return upstream;
  }

  /** Whether the proxy accepts connections. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Starts listening.
   *
   * @return false if the proxy was already started
   * @throws ApiError 500 when the address cannot be bound
   */
  public boolean start() {
    if (enabled) {
      return false;
    }
    listener =
        ProxyListener.open(
            plane.transport(),
            plane.settings(),
            Addresses.listenAddress(listen),
            name,
            upstream,
            () -> toxics,
            plane.metrics());
    listen = Addresses.bound(listener.localAddress());
    enabled = true;
    return true;
  }

  /** Stops listening and closes every connection; toxics are kept. */
  public void stop() {
    if (!enabled) {
      return;
    }
    enabled = false;
    ProxyListener closing = listener;
    listener = null;
    closing.close();
  }

  /** How many connections the proxy has open; 0 while disabled. */
  public int connectionCount() {
    return listener == null ? 0 : listener.connectionCount();
  }

  /**
   * Whether {@code otherListen} (once resolved) or {@code otherUpstream} differ from this proxy's,
   * as Toxiproxy decides whether a proxy must restart or be replaced.
   */
  public boolean differs(String otherListen, String otherUpstream) {
    return !listen.equals(Addresses.resolved(otherListen)) || !upstream.equals(otherUpstream);
  }

  /**
   * Applies an update as Toxiproxy does: a new listen or upstream address restarts the proxy
   * (dropping its connections); then it is enabled or disabled as asked.
   */
  public void update(String newListen, String newUpstream, boolean newEnabled) {
    if (differs(newListen, newUpstream)) {
      stop();
      listen = newListen;
      upstream = newUpstream;
    }
    if (newEnabled != enabled) {
      if (newEnabled) {
        start();
      } else {
        stop();
      }
    }
  }

  /** The current toxics. */
  public ToxicSet toxics() {
    return toxics;
  }

  /** Adds a toxic at the end of its chains; names are unique across both streams. */
  public ToxicEntry addToxic(ToxicEntry entry) {
    if (toxics.find(entry.name()) != null) {
      throw ApiError.toxicAlreadyExists();
    }
    publish(toxics.with(entry));
    return entry;
  }

  /** The toxic named {@code name}. */
  public ToxicEntry toxic(String name) {
    ToxicEntry entry = toxics.find(name);
    if (entry == null) {
      throw ApiError.toxicNotFound();
    }
    return entry;
  }

  /** Replaces a toxic by its updated version. */
  public ToxicEntry replaceToxic(ToxicEntry updated) {
    publish(toxics.replace(updated));
    return updated;
  }

  /** Removes the toxic named {@code name}. */
  public void removeToxic(String name) {
    publish(toxics.without(toxic(name)));
  }

  /** Removes every toxic. */
  public void removeToxics() {
    if (!toxics.isEmpty()) {
      publish(toxics.cleared());
    }
  }

  private void publish(ToxicSet next) {
    toxics = next;
    if (listener != null) {
      listener.applyToxics();
    }
  }

  /** The proxy as the API shows it, with its toxics, in Toxiproxy's key order. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("listen", listen);
    json.put("upstream", upstream);
    json.put("enabled", enabled);
    json.put("toxics", toxics.toJson());
    return json;
  }
}
