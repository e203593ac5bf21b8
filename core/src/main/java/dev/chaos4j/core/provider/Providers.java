package dev.chaos4j.core.provider;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InvalidActivity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The providers of a run, by provider type: the single door through which activities run. */
public final class Providers {
  private final Map<String, Provider> byType = new LinkedHashMap<>();

  public Providers(Collection<? extends Provider> providers) {
    for (Provider p : providers) {
      byType.put(p.type(), p);
    }
  }

  /** The provider types this run knows. */
  public Set<String> types() {
    return byType.keySet();
  }

  /** Checks an activity's provider block; unknown types get the reference's message. */
  public void validate(Map<String, Object> activity, ProviderContext context) {
    Object type = providerOf(activity).get("type");
    Provider provider = byType.get(type instanceof String s ? s : null);
    if (provider == null) {
      throw new InvalidActivity("unknown provider type '" + type + "'");
    }
    provider.validate(activity, context);
  }

  /** Runs an activity through its provider and returns the output. */
  public Object run(Map<String, Object> activity, ProviderContext context) {
    Object type = providerOf(activity).get("type");
    Provider provider = byType.get(type instanceof String s ? s : null);
    if (provider == null) {
      throw new ChaosException(
          "unknown provider type '" + type + "' in activity '" + activity.get("name") + "'");
    }
    return provider.run(activity, context);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> providerOf(Map<String, Object> activity) {
    Object p = activity.get("provider");
    if (p instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new InvalidActivity("an activity requires a provider");
  }
}
