package dev.chaos4j.core.config;

import dev.chaos4j.core.secret.SecretsLoader;
import java.util.Map;

/**
 * The configuration and secrets of a run, loaded from an experiment in the reference's order:
 * configuration (with overrides), then secrets (which may read Vault settings from it), then
 * dynamic configuration values (whose probes may use both).
 *
 * @param configuration the loaded configuration; mutable, so controls can change it for later
 *     activities
 * @param secrets the loaded secrets, scope name to a map of values; mutable
 */
public record RunConfiguration(Map<String, Object> configuration, Map<String, Object> secrets) {

  /**
   * Loads everything a run needs, dynamic values included.
   *
   * @param experiment the experiment document
   * @param variables the {@code --var}/{@code --var-file} overrides
   * @param environment the process environment; the dotenv variables of {@code variables} are
   *     applied on top
   * @param runner runs the probes of dynamic configuration values
   * @throws dev.chaos4j.core.InvalidExperiment on a missing environment key, a Vault failure or a
   *     malformed definition
   */
  public static RunConfiguration load(
      Map<String, Object> experiment,
      Variables variables,
      Map<String, String> environment,
      DynamicValueRunner runner) {
    RunConfiguration loaded = validate(experiment, variables, environment);
    return new RunConfiguration(
        ConfigurationLoader.resolveDynamic(loaded.configuration(), loaded.secrets(), runner),
        loaded.secrets());
  }

  /**
   * Loads what validation checks: configuration and secrets (environment keys exist, Vault answers)
   * without running any probe; dynamic values keep their probe definitions. {@code chaos validate}
   * passes {@link Variables#none()}, as the reference has no {@code --var} there.
   *
   * @throws dev.chaos4j.core.InvalidExperiment as {@link #load} does
   */
  public static RunConfiguration validate(
      Map<String, Object> experiment, Variables variables, Map<String, String> environment) {
    Map<String, String> env = variables.environment(environment);
    Map<String, Object> configuration =
        ConfigurationLoader.load(experiment.get("configuration"), variables, env);
    Map<String, Object> secrets =
        SecretsLoader.load(experiment.get("secrets"), configuration, variables.secrets(), env);
    return new RunConfiguration(configuration, secrets);
  }
}
