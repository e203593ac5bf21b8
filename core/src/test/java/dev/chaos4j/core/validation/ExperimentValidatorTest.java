package dev.chaos4j.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.control.ControlsValidator;
import dev.chaos4j.core.provider.Provider;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.value.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentValidatorTest {

  /** A provider type {@code ok} with one rule of its own: {@code provider.bad} is refused. */
  private static final Provider OK =
      new Provider() {
        @Override
        public String type() {
          return "ok";
        }

        @Override
        public void validate(Map<String, Object> activity, ProviderContext context) {
          if (((Map<?, ?>) activity.get("provider")).containsKey("bad")) {
            throw new InvalidActivity("provider rule of '" + activity.get("name") + "'");
          }
        }

        @Override
        public Object run(Map<String, Object> activity, ProviderContext context) {
          return null;
        }
      };

  private final ExperimentValidator validator =
      new ExperimentValidator(
          new Providers(List.of(OK)),
          ProviderContext.empty(Path.of(".")),
          experiment -> {
            if (experiment.containsKey("configuration")
                && ((Map<?, ?>) experiment.get("configuration")).containsKey("missing_env")) {
              throw new InvalidExperiment(
                  "Configuration makes reference to an environment key that does not exist: X");
            }
          },
          experiment -> {},
          tolerance -> {
            if (tolerance instanceof Double) {
              throw new InvalidActivity("tolerance rule");
            }
          },
          new ControlsValidator(module -> true)::check);

  private static final String VALID =
      "{\"title\": \"t\", \"description\": \"d\", \"method\": [{\"type\": \"action\", \"name\":"
          + " \"a\", \"provider\": {\"type\": \"ok\"}}]}";

  private List<String> problems(String json) {
    return validator.validate(Json.parseTrusted(json));
  }

  /** The valid document with one top-level key replaced (or added). */
  private List<String> with(String key, String jsonValue) {
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) Json.parseTrusted(VALID);
    doc.put(key, Json.parseTrusted(jsonValue));
    return validator.validate(doc);
  }

  /** The valid document whose only method activity is the given one. */
  private List<String> activity(String json) {
    return with("method", "[" + json + "]");
  }

  @Test
  void aValidDocumentHasNoProblem() {
    assertThat(problems(VALID)).isEmpty();
  }

  @Test
  void emptyDocumentsAreNotExperiments() {
    assertThat(problems("{}")).containsExactly("an empty experiment is not an experiment");
    assertThat(validator.validate(null))
        .containsExactly("an empty experiment is not an experiment");
    assertThat(problems("[1]")).singleElement().asString().contains("must be a mapping");
  }

  @Test
  void everyIndependentTopLevelProblemIsReportedInTheReferenceOrder() {
    assertThat(problems("{\"tags\": [\"\"], \"extensions\": [{}]}"))
        .containsExactly(
            "experiment requires a title",
            "experiment requires a description",
            "experiment tags must be a non-empty string",
            "All extensions require a non-empty name",
            "an experiment requires a method, which can be empty for only checking steady state"
                + " hypothesis ");
  }

  @Test
  void tagsMustBeNonEmptyStrings() {
    assertThat(with("tags", "[\"ok\", 3]"))
        .containsExactly("experiment tags must be a non-empty string");
    assertThat(with("tags", "[\"ok\"]")).isEmpty();
  }

  @Test
  void configurationProblemsComeFromTheConfigurationRules() {
    assertThat(with("configuration", "{\"missing_env\": 1}"))
        .containsExactly(
            "Configuration makes reference to an environment key that does not exist: X");
  }

  @Test
  void hypothesisNeedsATitleAndProbeTolerancesAreCheckedWhenGiven() {
    assertThat(with("steady-state-hypothesis", "{}"))
        .containsExactly("hypothesis requires a title");
    assertThat(
            with(
                "steady-state-hypothesis",
                "{\"title\": \"h\", \"probes\": [{\"type\": \"probe\", \"name\": \"p\","
                    + " \"provider\": {\"type\": \"ok\"}}]}"))
        .isEmpty();
    assertThat(
            with(
                "steady-state-hypothesis",
                "{\"title\": \"h\", \"probes\": [{\"type\": \"probe\", \"name\": \"p\","
                    + " \"tolerance\": 0.5, \"provider\": {\"type\": \"ok\"}}]}"))
        .containsExactly("tolerance rule");
  }

  @Test
  void methodMustBePresentButMayBeEmpty() {
    assertThat(with("method", "[]")).isEmpty();
    assertThat(with("method", "{\"a\": 1}")).singleElement().asString().contains("must be a list");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|empty activity is no activity",
        "{\"ref\": \"\"}|reference to activity must be non-empty strings",
        "{\"ref\": \"nowhere\"}|referenced activity 'nowhere' could not be found in the experiment",
        "{\"name\": \"a\"}|an activity must have a type",
        "{\"type\": \"whatever\", \"name\": \"a\"}|'whatever' is not a supported activity type",
        "{\"type\": \"action\"}|an activity must have a name",
        "{\"type\": \"action\", \"name\": \"a\"}|an activity requires a provider",
        "{\"type\": \"action\", \"name\": \"a\", \"provider\": {\"x\": 1}}|a provider must have a"
            + " type",
        "{\"type\": \"action\", \"name\": \"a\", \"provider\": {\"type\": \"pizza\"}}|unknown"
            + " provider type 'pizza'",
        "{\"type\": \"action\", \"name\": \"a\", \"timeout\": \"1\", \"provider\": {\"type\":"
            + " \"ok\"}}|activity timeout must be a number",
        "{\"type\": \"action\", \"name\": \"a\", \"pauses\": {\"before\": \"soon\"}, \"provider\":"
            + " {\"type\": \"ok\"}}|activity before pause must be a number or a pattern to a"
            + " variable from the configuration or secrets",
        "{\"type\": \"action\", \"name\": \"a\", \"pauses\": {\"after\": [1]}, \"provider\":"
            + " {\"type\": \"ok\"}}|activity after pause must be a number or a pattern to a"
            + " variable from the configuration or secrets",
        "{\"type\": \"action\", \"name\": \"a\", \"background\": \"yes\", \"provider\": {\"type\":"
            + " \"ok\"}}|activity background must be a boolean",
        "{\"type\": \"action\", \"name\": \"a\", \"provider\": {\"type\": \"ok\", \"bad\":"
            + " 1}}|provider rule of 'a'",
      })
  void activityRules(String activity, String message) {
    assertThat(activity(activity)).containsExactly(message);
  }

  @Test
  void pausesMayBeNumbersOrVariablePatterns() {
    assertThat(
            activity(
                "{\"type\": \"action\", \"name\": \"a\", \"pauses\": {\"before\": 1, \"after\":"
                    + " \"${wait}\"}, \"provider\": {\"type\": \"ok\"}}"))
        .isEmpty();
  }

  @Test
  void methodRefsMustResolveButRollbackRefsAreNotChecked() {
    String doc =
        "{\"title\": \"t\", \"description\": \"d\", \"method\": [{\"type\": \"action\", \"name\":"
            + " \"a\", \"provider\": {\"type\": \"ok\"}}, {\"ref\": \"a\"}], \"rollbacks\":"
            + " [{\"ref\": \"elsewhere\"}]}";
    assertThat(problems(doc)).isEmpty();
  }

  @Test
  void eachActivityReportsItsFirstProblem() {
    assertThat(with("method", "[{}, {\"type\": \"action\"}]"))
        .containsExactly("empty activity is no activity", "an activity must have a name");
  }

  @Test
  void controlRules() {
    assertThat(with("controls", "[{\"name\": \"c\", \"ref\": \"other\"}]"))
        .containsExactly("Control reference 'other' declaration cannot be found");
    assertThat(with("controls", "[{\"provider\": {\"type\": \"python\", \"module\": \"m\"}}]"))
        .containsExactly("A control must have a `name` property");
    assertThat(with("controls", "[{\"name\": \"c\"}]"))
        .containsExactly("Control 'c' must have a `provider` property");
    assertThat(
            with(
                "controls",
                "[{\"name\": \"c\", \"scope\": \"during\", \"provider\": {\"type\": \"python\","
                    + " \"module\": \"m\"}}]"))
        .containsExactly("Control 'c' scope property must be 'before' or 'after' only");
    assertThat(with("controls", "[{\"name\": \"c\", \"provider\": {\"type\": \"python\"}}]"))
        .containsExactly("Control 'c' must have a module path");
    assertThat(
            with(
                "controls",
                "[{\"name\": \"c\", \"provider\": {\"type\": \"python\", \"module\": \"m\"}},"
                    + " {\"name\": \"d\", \"ref\": \"c\"}]"))
        .isEmpty();
  }
}
