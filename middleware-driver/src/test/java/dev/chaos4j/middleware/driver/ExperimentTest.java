package dev.chaos4j.middleware.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.discovery.Discovery;
import dev.chaos4j.core.discovery.InstalledExtensions;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.provider.http.HttpProvider;
import dev.chaos4j.core.provider.python.PythonBridge;
import dev.chaos4j.core.provider.python.PythonProvider;
import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.run.RunEnvironment;
import dev.chaos4j.core.run.RunOptions;
import dev.chaos4j.core.run.Runner;
import dev.chaos4j.core.tolerance.ToleranceValidator;
import dev.chaos4j.core.validation.ExperimentValidator;
import dev.chaos4j.core.value.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment through the engine: validated, then run with the installed extensions (found by
 * ServiceLoader): it breaks one route of a real application, checks that another route holds, and
 * rolls the attack back.
 */
class ExperimentTest {
  @TempDir Path dir;

  private ChaosApp app;
  private PythonBridge bridge;
  private Providers providers;

  @BeforeEach
  void start() {
    app = ChaosApp.start("shop");
    bridge = new PythonBridge();
    providers =
        new Providers(
            List.of(new HttpProvider(), new PythonProvider(FunctionRegistry.installed(), bridge)));
  }

  @AfterEach
  void stop() {
    bridge.close();
    app.close();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> experiment(String startArguments) {
    String text =
        """
        {
          "title": "The catalogue holds when orders fail",
          "description": "orders answer 503; the catalogue keeps answering 200",
          "configuration": {"chaos4j_middleware_url": "%s"},
          "secrets": {"middleware": {"chaos4j_middleware_token": "%s"}},
          "steady-state-hypothesis": {
            "title": "catalogue answers",
            "probes": [{
              "type": "probe", "name": "catalogue-answers", "tolerance": 200,
              "provider": {"type": "http", "url": "%s/catalog", "timeout": 5}
            }]
          },
          "method": [
            {
              "type": "action", "name": "break-orders",
              "provider": {
                "type": "python", "module": "chaos4j.middleware.actions", "func": "start_attack",
                "secrets": ["middleware"],
                "arguments": %s
              }
            },
            {
              "type": "probe", "name": "orders-answer",
              "provider": {"type": "http", "url": "%s/orders", "timeout": 5}
            },
            {
              "type": "probe", "name": "orders-hits",
              "provider": {
                "type": "python", "module": "chaos4j.middleware.probes", "func": "attack_hits",
                "secrets": ["middleware"], "arguments": {"attack_id": "broken-orders"}
              }
            }
          ],
          "rollbacks": [
            {
              "type": "action", "name": "repair-orders",
              "provider": {
                "type": "python", "module": "chaos4j.middleware.actions", "func": "cancel_attack",
                "secrets": ["middleware"], "arguments": {"attack_id": "broken-orders"}
              }
            }
          ]
        }
        """
            .formatted(app.adminUrl(), ChaosApp.TOKEN, app.base(), startArguments, app.base());
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private List<String> validate(Map<String, Object> experiment) {
    ExperimentValidator validator =
        new ExperimentValidator(
            providers,
            new ProviderContext(Map.of(), Map.of(), dir, System.getenv()),
            e -> {},
            e -> {},
            ToleranceValidator::validate,
            e -> {});
    return validator.validate(experiment);
  }

  @SuppressWarnings("unchecked")
  @Test
  void anAttackBreaksOneRouteTheOtherHoldsAndTheRollbackRepairs() {
    Map<String, Object> experiment =
        experiment(
            "{\"route\": \"/orders\", \"abort_status\": 503, \"attack_id\": \"broken-orders\"}");
    assertThat(validate(experiment)).isEmpty();

    Map<String, Object> journal =
        new Runner(providers)
            .run(
                experiment,
                RunOptions.defaults(),
                new RunEnvironment(
                    new LinkedHashMap<>((Map<String, Object>) experiment.get("configuration")),
                    new LinkedHashMap<>((Map<String, Object>) experiment.get("secrets")),
                    dir,
                    System.getenv(),
                    Map.of()),
                new Interruption());

    assertThat(journal).containsEntry("status", "completed").containsEntry("deviated", false);
    List<Map<String, Object>> runs = (List<Map<String, Object>>) journal.get("run");
    assertThat(runs).extracting(r -> r.get("status")).containsOnly("succeeded");
    assertThat((Map<String, Object>) runs.get(0).get("output"))
        .containsEntry("id", "broken-orders")
        .containsEntry("state", "active");
    assertThat((Map<String, Object>) runs.get(1).get("output")).containsEntry("status", 503);
    assertThat(runs.get(2).get("output")).isEqualTo(1L);
    List<Map<String, Object>> rollbacks = (List<Map<String, Object>>) journal.get("rollbacks");
    assertThat(rollbacks)
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("status", "succeeded"));
    assertThat(app.get("/orders").statusCode()).isEqualTo(200);
    assertThat(app.middleware.attacks()).isEmpty();
  }

  @Test
  void validationKnowsTheFunctionsArguments() {
    List<String> problems = validate(experiment("{\"route\": \"/orders\", \"status\": 503}"));

    assertThat(problems)
        .singleElement()
        .asString()
        .contains(
            "argument 'status' is not part of the function signature in activity 'start_attack'");
    assertThat(validate(experiment("{\"abort_status\": 503}")))
        .singleElement()
        .asString()
        .contains("required argument 'route' is missing from activity 'start_attack'");
  }

  @SuppressWarnings("unchecked")
  @Test
  void discoveryListsTheFunctionsWithTheirArguments() {
    InstalledExtensions installed = InstalledExtensions.load();
    assertThat(installed.all())
        .extracting(e -> e.name())
        .contains("chaos4j-middleware-driver", "proofdock-chaos-kit");

    Map<String, Object> document = Discovery.of(installed.find("chaos4j-middleware-driver"), false);
    List<Map<String, Object>> activities = (List<Map<String, Object>>) document.get("activities");
    assertThat(activities)
        .extracting(a -> a.get("mod") + "." + a.get("name"))
        .containsExactly(
            "chaos4j.middleware.actions.cancel_attack",
            "chaos4j.middleware.actions.disable",
            "chaos4j.middleware.actions.enable",
            "chaos4j.middleware.actions.start_attack",
            "chaos4j.middleware.actions.update_attack",
            "chaos4j.middleware.probes.attack_hits",
            "chaos4j.middleware.probes.list_attacks",
            "chaos4j.middleware.probes.middleware_status");
    Map<String, Object> start = activities.get(3);
    List<Map<String, Object>> arguments = (List<Map<String, Object>>) start.get("arguments");
    assertThat(arguments.get(0)).isEqualTo(Map.of("name", "route", "type", "string"));
    assertThat(arguments)
        .extracting(a -> a.get("name"))
        .contains(
            "delay_ms", "exception", "abort_status", "methods", "probability", "ttl", "attack_id");

    Map<String, Object> proofdock = Discovery.of(installed.find("pdchaoskit"), false);
    assertThat((List<Map<String, Object>>) proofdock.get("activities"))
        .extracting(a -> a.get("name"))
        .containsExactly("cancel_attack", "start_attack");
  }
}
