package dev.chaos4j.chaosmonkey;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Functions;
import java.util.List;
import java.util.Map;

/**
 * {@code chaosspring.probes}: {@code chaosmonkey_enabled}, {@code watcher_configuration} and {@code
 * assaults_configuration}, reading what current Chaos Monkey for Spring Boot answers (the reference
 * reads what it answered before 2.2 and 2.6).
 */
final class ChaosMonkeyProbes {
  static final String MODULE = "chaosspring.probes";

  private static final String STATUS_FAILED = "ChaosMonkey status enquiry failed";
  private static final String WATCHER_FAILED = "ChaosMonkey watcher enquiry failed";
  private static final String ASSAULTS_FAILED = "ChaosMonkey assaults enquiry failed";

  private ChaosMonkeyProbes() {}

  static List<ActivityFunction> all() {
    return List.of(
        ChaosMonkeyActions.common(Functions.probe(MODULE, "chaosmonkey_enabled"), null)
            .doc(
                "Enquire whether Chaos Monkey is enabled on the specified service: the 'enabled'"
                    + " field of GET chaosmonkey/status (Chaos Monkey 2.6 and later); before 2.6,"
                    + " 200 means enabled and 503 disabled.")
            .returns("boolean")
            .body(ChaosMonkeyProbes::enabled),
        ChaosMonkeyActions.common(Functions.probe(MODULE, "watcher_configuration"), null)
            .doc(
                "Get the current watcher configuration from the specified service (GET"
                    + " chaosmonkey/watchers, or chaosmonkey/watcher on Chaos Monkey before 2.2).")
            .returns("mapping")
            .body(ChaosMonkeyProbes::watchers),
        ChaosMonkeyActions.common(Functions.probe(MODULE, "assaults_configuration"), null)
            .doc(
                "Get the current assaults configuration from the specified service (GET"
                    + " chaosmonkey/assaults).")
            .returns("mapping")
            .body(args -> json(ActuatorCall.of(args), "chaosmonkey/assaults", ASSAULTS_FAILED)));
  }

  private static Object enabled(Map<String, Object> args) throws InterruptedException {
    ActuatorCall.Reply reply =
        ActuatorCall.of(args).call("GET", "chaosmonkey/status", null, STATUS_FAILED);
    if (reply.status() == 503) {
      // Chaos Monkey before 2.6 answered 503 "You switched me off!"
      return false;
    }
    if (reply.status() != 200) {
      throw reply.failure(STATUS_FAILED);
    }
    Object json = reply.json();
    if (json instanceof Map<?, ?> status) {
      if (status.get("enabled") instanceof Boolean enabled) {
        return enabled;
      }
      throw new ActivityFailed(
          STATUS_FAILED
              + ": the answer of "
              + reply.url()
              + " has no boolean 'enabled': "
              + ActuatorCall.oneLine(reply.text()));
    }
    // Chaos Monkey before 2.6 answered 200 "Ready to be evil!" when enabled
    return true;
  }

  private static Object watchers(Map<String, Object> args) throws InterruptedException {
    ActuatorCall call = ActuatorCall.of(args);
    ActuatorCall.Reply reply = call.call("GET", "chaosmonkey/watchers", null, WATCHER_FAILED);
    if (reply.status() == 404) {
      // the endpoint was named 'watcher' until Chaos Monkey 2.2
      ActuatorCall.Reply legacy = call.call("GET", "chaosmonkey/watcher", null, WATCHER_FAILED);
      if (legacy.status() != 404) {
        reply = legacy;
      }
    }
    return json(reply, WATCHER_FAILED);
  }

  private static Object json(ActuatorCall call, String endpoint, String failurePrefix)
      throws InterruptedException {
    return json(call.call("GET", endpoint, null, failurePrefix), failurePrefix);
  }

  private static Object json(ActuatorCall.Reply reply, String failurePrefix) {
    if (reply.status() != 200) {
      throw reply.failure(failurePrefix);
    }
    Object json = reply.json();
    if (json == null) {
      throw new ActivityFailed(
          failurePrefix
              + ": the answer of "
              + reply.url()
              + " is not JSON: "
              + ActuatorCall.oneLine(reply.text()));
    }
    return json;
  }
}
