package dev.chaos4j.core.config;

import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an experiment's {@code configuration} block into the configuration of a run, in two steps
 * as the reference does: {@link #load} resolves inline values, environment values and overrides
 * (secrets are loaded next, from that result), then {@link #resolveDynamic} runs the probes of
 * dynamic values.
 *
 * <p>An environment value is {@code {"type": "env", "key": K, "default": D, "env_var_type": T}}:
 * the variable {@code K} (an empty value counts as set), else {@code D} when the key {@code
 * default} is present (even null), converted to {@link VarType} {@code T}. Other mappings with a
 * {@code type} are kept verbatim; {@code "type": "probe"} marks a dynamic value.
 */
public final class ConfigurationLoader {
  private static final Log LOG = Log.of(ConfigurationLoader.class);

  private ConfigurationLoader() {}

  /**
   * The configuration of a run before dynamic values: each declared key gets its override when
   * {@code variables} has one (undeclared overrides are ignored, as in the reference), else its
   * declared value; environment definitions, declared or given by a var file, are resolved against
   * {@code environment}. Probe definitions are kept as they are. No probe runs, so this is also the
   * validation-time check of environment keys.
   *
   * @param block the experiment's {@code configuration} value (null means none)
   * @return a new mutable map in declaration order
   * @throws InvalidExperiment when an environment key is missing and has no default (the
   *     reference's message), or when a definition is malformed
   */
  public static Map<String, Object> load(
      Object block, Variables variables, Map<String, String> environment) {
    LOG.debug("Loading configuration...");
    Map<String, Object> declared = mapping(block);
    Map<String, Object> overrides = variables.configuration();
    Map<String, Object> configuration = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : declared.entrySet()) {
      String key = entry.getKey();
      // a var file may hold a full definition (an env one included), so the override replaces
      // the declaration before it is resolved
      Object value = overrides.containsKey(key) ? overrides.get(key) : entry.getValue();
      configuration.put(key, resolve(key, value, environment));
    }
    return configuration;
  }

  /**
   * Replaces each dynamic value ({@code {"type": "probe", ...}}) by what its probe yields, in
   * declaration order, each probe seeing the keys resolved before it: a python (or java) probe's
   * return value, a process probe's stripped stdout (only when it exits with status 0), an HTTP
   * probe's body. A probe that fails is logged and its key left out.
   *
   * @param configuration the result of {@link #load}
   * @param secrets the loaded secrets
   * @return a new mutable map in declaration order, without the keys whose probe failed
   * @throws InterruptExecution when a probe is interrupted (the run must stop)
   * @throws InvalidExperiment when a dynamic value has no provider type
   */
  public static Map<String, Object> resolveDynamic(
      Map<String, Object> configuration, Map<String, Object> secrets, DynamicValueRunner runner) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : configuration.entrySet()) {
      if (isDynamic(entry.getValue())) {
        runProbe(entry.getKey(), entry.getValue(), resolved, secrets, runner);
      } else {
        resolved.put(entry.getKey(), entry.getValue());
      }
    }
    return resolved;
  }

  /** Whether a configuration value is a dynamic one: a mapping whose {@code type} is probe. */
  public static boolean isDynamic(Object value) {
    return value instanceof Map<?, ?> m && "probe".equals(m.get("type"));
  }

  private static Object resolve(String key, Object value, Map<String, String> environment) {
    if (value instanceof Map<?, ?> definition && "env".equals(definition.get("type"))) {
      return fromEnvironment(key, definition, environment);
    }
    return value;
  }

  private static Object fromEnvironment(
      String key, Map<?, ?> definition, Map<String, String> environment) {
    Object envKey = definition.get("key");
    if (envKey == null) {
      throw new InvalidExperiment(
          "Configuration '" + key + "' reads an environment variable but has no `key`");
    }
    String name = Py.str(envKey);
    Object raw;
    if (environment.containsKey(name)) {
      raw = environment.get(name);
    } else if (definition.containsKey("default")) {
      raw = definition.get("default");
    } else {
      throw new InvalidExperiment(
          "Configuration makes reference to an environment key that does not exist: " + name);
    }
    Object typeName = definition.get("env_var_type");
    try {
      return VarType.of(typeName == null ? null : Py.str(typeName)).convert(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidExperiment(
          "Configuration '" + key + "' (environment key " + name + "): " + e.getMessage(), e);
    }
  }

  private static void runProbe(
      String key,
      Object definition,
      Map<String, Object> resolved,
      Map<String, Object> secrets,
      DynamicValueRunner runner) {
    Map<String, Object> probe = Json.deepCopy(castMap(definition));
    String name = probe.get("name") instanceof String s && !s.isEmpty() ? s : key;
    if (!(probe.get("provider") instanceof Map<?, ?> provider)
        || !(provider.get("type") instanceof String providerType)) {
      throw new InvalidExperiment(
          "Dynamic configuration '" + key + "' must have a provider with a type");
    }
    castMap(provider).put("secrets", new ArrayList<>(secrets.keySet()));
    Object output;
    try {
      output = runner.run(probe, resolved, secrets);
    } catch (InterruptExecution e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.debug("Failed to load configuration '" + name + "'", e);
      LOG.warning(
          "Dynamic configuration '" + key + "' failed to load and is left out: " + e.getMessage());
      return;
    }
    switch (providerType) {
      case "process" -> {
        Map<?, ?> result = output instanceof Map<?, ?> m ? m : Map.of();
        if (Py.eq(result.get("status"), 0)) {
          Object stdout = result.get("stdout");
          resolved.put(key, stdout == null ? "" : Py.str(stdout).strip());
        } else {
          LOG.warning(
              "Dynamic configuration '"
                  + key
                  + "' is left out: its probe '"
                  + name
                  + "' exited with status "
                  + Py.str(result.get("status"))
                  + ": "
                  + Py.str(result.get("stderr")).strip());
        }
      }
      case "http" -> resolved.put(key, output instanceof Map<?, ?> m ? m.get("body") : null);
      default -> resolved.put(key, output);
    }
  }

  private static Map<String, Object> mapping(Object block) {
    if (block == null) {
      return Map.of();
    }
    if (!(block instanceof Map<?, ?>)) {
      throw new InvalidExperiment(
          "experiment configuration must be a mapping, not a " + Py.typeName(block));
    }
    return castMap(block);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object map) {
    return (Map<String, Object>) map;
  }
}
