package dev.chaos4j.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The proxies of one server, by name. Confined to the API's single thread, which serializes every
 * change as Toxiproxy's locks do.
 */
public final class ProxyCollection {

  private final DataPlane plane;
  private final TreeMap<String, Proxy> proxies = new TreeMap<>();

  /** An empty collection whose proxies run on {@code plane}. */
  public ProxyCollection(DataPlane plane) {
    this.plane = plane;
  }

  /** Every proxy, ordered by name. */
  public List<Proxy> all() {
    return new ArrayList<>(proxies.values());
  }

  /** How many connections every proxy together has open. */
  public int connectionCount() {
    int count = 0;
    for (Proxy proxy : proxies.values()) {
      count += proxy.connectionCount();
    }
    return count;
  }

  /** The proxy named {@code name}. */
  public Proxy get(String name) {
    Proxy proxy = proxies.get(name);
    if (proxy == null) {
      throw ApiError.proxyNotFound();
    }
    return proxy;
  }

  /** Creates a proxy, started if {@code enabled}; a name in use is a conflict. */
  public Proxy create(String name, String listen, String upstream, boolean enabled) {
    if (proxies.containsKey(name)) {
      throw ApiError.proxyAlreadyExists();
    }
    Proxy proxy = new Proxy(plane, name, listen, upstream);
    if (enabled) {
      proxy.start();
    }
    proxies.put(name, proxy);
    return proxy;
  }

  /**
   * Creates a proxy or keeps the existing one of that name if it listens and forwards to the same
   * addresses; otherwise the existing one is stopped and replaced (losing its toxics), as {@code
   * /populate} does in Toxiproxy.
   */
  public Proxy createOrKeep(String name, String listen, String upstream, boolean enabled) {
    Proxy existing = proxies.get(name);
    if (existing != null) {
      if (!existing.differs(listen, upstream)) {
        return existing;
      }
      existing.stop();
    }
    Proxy proxy = new Proxy(plane, name, listen, upstream);
    if (enabled) {
      proxy.start();
    }
    proxies.put(name, proxy);
    return proxy;
  }

  /** Stops and removes the proxy named {@code name}. */
  public void remove(String name) {
    get(name).stop();
    proxies.remove(name);
  }

  /** Enables every proxy and removes every toxic; proxies are kept. */
  public void reset() {
    for (Proxy proxy : proxies.values()) {
      proxy.start();
      proxy.removeToxics();
    }
  }

  /** Stops and removes every proxy. */
  public void clear() {
    for (Proxy proxy : proxies.values()) {
      proxy.stop();
    }
    proxies.clear();
  }
}
