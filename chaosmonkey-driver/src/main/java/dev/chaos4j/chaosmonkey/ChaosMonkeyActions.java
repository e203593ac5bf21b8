package dev.chaos4j.chaosmonkey;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Functions;
import dev.chaos4j.core.value.Py;
import java.util.List;
import java.util.Map;

/**
 * {@code chaosspring.actions}: the reference's {@code enable_chaosmonkey}, {@code
 * disable_chaosmonkey} and {@code change_assaults_configuration}, plus {@code
 * change_watchers_configuration} and {@code attack_runtime_assault}, which the reference lacks.
 * Each returns the endpoint's answer as text and fails on any status other than 200.
 */
final class ChaosMonkeyActions {
  static final String MODULE = "chaosspring.actions";

  private ChaosMonkeyActions() {}

  static List<ActivityFunction> all() {
    return List.of(
        common(Functions.action(MODULE, "enable_chaosmonkey"), null)
            .doc(
                "Enable Chaos Monkey on a specific service (POST chaosmonkey/enable). base_url is"
                    + " the actuator's URL, e.g. http://localhost:8080/actuator. Returns the answer's"
                    + " text.")
            .returns("string")
            .body(args -> post(args, "chaosmonkey/enable", null, "Enable ChaosMonkey failed")),
        common(Functions.action(MODULE, "disable_chaosmonkey"), null)
            .doc("Disable Chaos Monkey on a specific service (POST chaosmonkey/disable).")
            .returns("string")
            .body(args -> post(args, "chaosmonkey/disable", null, "Disable ChaosMonkey failed")),
        common(Functions.action(MODULE, "change_assaults_configuration"), "assaults_configuration")
            .doc(
                "Change Assaults configuration on a specific service (POST chaosmonkey/assaults):"
                    + " the keys given (level, latencyActive, latencyRangeStart, exceptionsActive,"
                    + " ...) replace the running ones.")
            .returns("string")
            .body(
                args ->
                    post(
                        args,
                        "chaosmonkey/assaults",
                        "assaults_configuration",
                        "Change ChaosMonkey Assaults Configuration failed")),
        common(Functions.action(MODULE, "change_watchers_configuration"), "watchers_configuration")
            .doc(
                "Change Watchers configuration on a specific service (POST chaosmonkey/watchers):"
                    + " the keys given (controller, restController, service, repository, component,"
                    + " restTemplate, webClient, actuatorHealth, beans, beanClasses) replace the"
                    + " running ones. Not in chaostoolkit-spring.")
            .returns("string")
            .body(
                args ->
                    post(
                        args,
                        "chaosmonkey/watchers",
                        "watchers_configuration",
                        "Change ChaosMonkey Watchers Configuration failed")),
        common(Functions.action(MODULE, "attack_runtime_assault"), null)
            .doc(
                "Run the configured runtime assaults (kill application, memory, CPU) now (POST"
                    + " chaosmonkey/assaults/runtime/attack). Not in chaostoolkit-spring.")
            .returns("string")
            .body(
                args ->
                    post(
                        args,
                        "chaosmonkey/assaults/runtime/attack",
                        null,
                        "ChaosMonkey runtime assault attack failed")));
  }

  /**
   * The reference's signature: base_url, then the body argument when there is one, then headers,
   * timeout, verify_ssl, configuration, secrets.
   */
  static Functions.Builder common(Functions.Builder f, String bodyArgument) {
    f.required("base_url", "string");
    if (bodyArgument != null) {
      f.required(bodyArgument, "mapping");
    }
    return f.optional("headers", "mapping", null)
        .optional("timeout", "number", null)
        .optional("verify_ssl", "boolean", true)
        .configuration()
        .secrets();
  }

  private static Object post(
      Map<String, Object> args, String endpoint, String bodyArgument, String failurePrefix)
      throws InterruptedException {
    Object body = null;
    if (bodyArgument != null) {
      body = args.get(bodyArgument);
      if (!(body instanceof Map<?, ?>)) {
        throw new ActivityFailed(
            "argument '" + bodyArgument + "' must be a mapping, got " + Py.repr(body));
      }
    }
    ActuatorCall.Reply reply = ActuatorCall.of(args).call("POST", endpoint, body, failurePrefix);
    if (reply.status() != 200) {
      throw reply.failure(failurePrefix);
    }
    return reply.text();
  }
}
