package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.value.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds HTTP activities the way experiments spell them. */
final class HttpActivities {
  private HttpActivities() {}

  /** A probe named "p" whose provider is the given JSON object, {@code type} added. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> probe(String providerJson) {
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("type", "http");
    provider.putAll((Map<String, Object>) Json.parseTrusted(providerJson));
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", "probe");
    activity.put("name", "p");
    activity.put("provider", provider);
    return activity;
  }

  /** The same probe with a tolerance, as in a steady-state hypothesis. */
  static Map<String, Object> withTolerance(Map<String, Object> activity, Object tolerance) {
    activity.put("tolerance", tolerance);
    return activity;
  }
}
