package dev.chaos4j.proxy.toxic;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every toxic type the proxy knows, by its API name. */
public final class ToxicRegistry {

  private static final Map<String, ToxicType> TYPES = new LinkedHashMap<>();

  static {
    register(LatencyToxic.TYPE);
    register(BandwidthToxic.TYPE);
    register(SlowCloseToxic.TYPE);
    register(TimeoutToxic.TYPE);
    register(ResetPeerToxic.TYPE);
    register(SlicerToxic.TYPE);
    register(LimitDataToxic.TYPE);
    register(NoopToxic.TYPE);
    register(SlowConnectToxic.TYPE);
  }

  private ToxicRegistry() {}

  private static void register(ToxicType type) {
    TYPES.put(type.name(), type);
  }

  /** The type named {@code name} (case-sensitive, as in Toxiproxy), or {@code null}. */
  public static ToxicType find(String name) {
    return TYPES.get(name);
  }
}
