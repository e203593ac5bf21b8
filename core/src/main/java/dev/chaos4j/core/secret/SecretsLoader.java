package dev.chaos4j.core.secret;

import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Py;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads an experiment's {@code secrets}: {@code {scope: {name: value}}} where a value is inline, an
 * environment variable ({@code {"type": "env", "key": K}}), a Vault entry ({@code {"type": "vault",
 * "path": P, "key": optional}}) or a nested mapping loaded the same way. A scope given by a var
 * file replaces the experiment's scope of that name.
 */
public final class SecretsLoader {
  private static final Log LOG = Log.of(SecretsLoader.class);

  /**
   * The reference's deprecation warning for a Vault entry with a {@code key} but no {@code path}.
   */
  public static final String VAULT_KEY_WITHOUT_PATH_DEPRECATION =
      "Vault secrets must now specify the `path` property. The `key` property is now a key of a"
          + " Vault secret rather than the actual path. For instance: {'my-key': {'type':"
          + " 'vault', 'key': 'foo'}} now becomes: {'my-key': {'type': 'vault', 'path': 'foo'}}";

  private final Map<String, Object> configuration;
  private final Map<String, String> environment;
  private VaultClient vault;

  private SecretsLoader(Map<String, Object> configuration, Map<String, String> environment) {
    this.configuration = configuration;
    this.environment = environment;
  }

  /**
   * Loads the secrets block.
   *
   * @param block the experiment's {@code secrets} value (null means none)
   * @param configuration the loaded configuration, where the Vault settings are read
   * @param overrides secret scopes from var files; one replaces the declared scope of its name
   *     (scopes the experiment does not declare are ignored) and is loaded the same way
   * @param environment the environment variables of the run
   * @return a new mutable map, scope name to a map of values
   * @throws InvalidExperiment when an environment key is missing (the reference's message), Vault
   *     authentication or a Vault read fails, or a definition is malformed
   */
  public static Map<String, Object> load(
      Object block,
      Map<String, Object> configuration,
      Map<String, Object> overrides,
      Map<String, String> environment) {
    LOG.debug("Loading secrets...");
    if (block == null) {
      return new LinkedHashMap<>();
    }
    if (!(block instanceof Map<?, ?> scopes)) {
      throw new InvalidExperiment(
          "experiment secrets must be a mapping, not a " + Py.typeName(block));
    }
    Map<String, Object> secrets =
        new SecretsLoader(configuration, environment).loadMapping(scopes, overrides, "");
    LOG.debug("Done loading secrets");
    return secrets;
  }

  /**
   * Logs the reference's deprecation warning once for each Vault entry that has a {@code key} but
   * no {@code path} (validation calls this after its other checks, as the reference does).
   */
  public static void warnAboutDeprecations(Object block) {
    if (!(block instanceof Map<?, ?> scopes)) {
      return;
    }
    for (Object scope : scopes.values()) {
      if (!(scope instanceof Map<?, ?> values)) {
        continue;
      }
      for (Object value : values.values()) {
        if (value instanceof Map<?, ?> secret
            && "vault".equals(secret.get("type"))
            && secret.containsKey("key")
            && !secret.containsKey("path")) {
          LOG.warning(VAULT_KEY_WITHOUT_PATH_DEPRECATION);
        }
      }
    }
  }

  private Map<String, Object> loadMapping(Map<?, ?> values, Map<?, ?> overrides, String where) {
    Map<String, Object> loaded = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : values.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      Object override = overrides.get(name);
      if (value instanceof Map<?, ?> && override != null) {
        value = override;
      }
      loaded.put(name, resolve(value, where.isEmpty() ? name : where + "." + name));
    }
    return loaded;
  }

  private Object resolve(Object value, String where) {
    if (!(value instanceof Map<?, ?> definition)) {
      return value;
    }
    Object type = definition.get("type");
    if ("env".equals(type)) {
      return fromEnvironment(definition, where);
    }
    if ("vault".equals(type)) {
      return fromVault(definition);
    }
    return loadMapping(definition, Map.of(), where);
  }

  private Object fromEnvironment(Map<?, ?> definition, String where) {
    Object key = definition.get("key");
    if (key == null) {
      throw new InvalidExperiment(
          "Secret '" + where + "' reads an environment variable but has no `key`");
    }
    String name = Py.str(key);
    if (!environment.containsKey(name)) {
      throw new InvalidExperiment(
          "Secrets make reference to an environment key that does not exist: " + name);
    }
    return environment.get(name);
  }

  private Object fromVault(Map<?, ?> definition) {
    Object path = definition.get("path");
    if (path == null) {
      LOG.warning("Missing Vault secret path for '" + Py.repr(definition) + "'");
      return new LinkedHashMap<String, Object>();
    }
    if (vault == null) {
      vault = VaultClient.create(configuration, environment);
    }
    Object key = definition.get("key");
    return vault.read(Py.str(path), key == null ? null : Py.str(key));
  }
}
