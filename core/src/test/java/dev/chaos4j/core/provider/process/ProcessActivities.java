package dev.chaos4j.core.provider.process;

import dev.chaos4j.core.value.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds process activities the way experiments spell them. */
final class ProcessActivities {
  private ProcessActivities() {}

  /** A probe named "p" whose provider is the given JSON object, {@code type} added. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> probe(String providerJson) {
    return probe((Map<String, Object>) Json.parseTrusted(providerJson));
  }

  /** A probe named "p" with the given provider fields, {@code type} added. */
  static Map<String, Object> probe(Map<String, Object> fields) {
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("type", "process");
    provider.putAll(fields);
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", "probe");
    activity.put("name", "p");
    activity.put("provider", provider);
    return activity;
  }
}
