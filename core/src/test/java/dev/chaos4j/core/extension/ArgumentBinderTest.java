package dev.chaos4j.core.extension;

import static dev.chaos4j.core.extension.Parameter.Kind.KEYWORD_ONLY;
import static dev.chaos4j.core.extension.Parameter.Kind.POSITIONAL_ONLY;
import static dev.chaos4j.core.extension.Parameter.Kind.POSITIONAL_OR_KEYWORD;
import static dev.chaos4j.core.extension.Parameter.Kind.VAR_KEYWORD;
import static dev.chaos4j.core.extension.Parameter.Kind.VAR_POSITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.spi.ActivityFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentBinderTest {
  private static final Parameter PATH = new Parameter("path", POSITIONAL_OR_KEYWORD, true);

  private final FunctionRegistry registry = FunctionRegistry.of(List.of(new TestExtension()));

  @Test
  void missingRequiredArgumentNamesTheFunctionAsTheReferenceDoes() {
    assertThatThrownBy(() -> ArgumentBinder.check("exists", List.of(PATH), List.of()))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("required argument 'path' is missing from activity 'exists'");
  }

  @Test
  void unknownArgumentNamesTheFunctionAsTheReferenceDoes() {
    assertThatThrownBy(
            () ->
                ArgumentBinder.check(
                    "exists", List.of(PATH), List.of("path", "should_not_be_here")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage(
            "argument 'should_not_be_here' is not part of the function signature in activity"
                + " 'exists'");
  }

  @Test
  void missingIsReportedBeforeUnknownAndInSignatureOrder() {
    List<Parameter> signature =
        List.of(
            new Parameter("a", POSITIONAL_OR_KEYWORD, false),
            new Parameter("b", POSITIONAL_OR_KEYWORD, true),
            new Parameter("c", KEYWORD_ONLY, true));

    assertThat(ArgumentBinder.problem(signature, List.of("x", "y")))
        .contains(new ArgumentBinder.Problem(ArgumentBinder.Problem.Type.MISSING, "b"));
    assertThat(ArgumentBinder.problem(signature, List.of("b", "y", "x", "c")))
        .contains(new ArgumentBinder.Problem(ArgumentBinder.Problem.Type.UNEXPECTED, "y"));
    assertThat(ArgumentBinder.problem(signature, List.of("c", "b"))).isEmpty();
  }

  @Test
  void configurationAndSecretsCountAsGivenOnlyWhenDeclared() {
    List<Parameter> declares =
        List.of(
            new Parameter("configuration", POSITIONAL_OR_KEYWORD, true),
            new Parameter("secrets", POSITIONAL_OR_KEYWORD, true));

    assertThat(ArgumentBinder.problem(declares, List.of())).isEmpty();
    assertThatThrownBy(() -> ArgumentBinder.check("f", List.of(), List.of("configuration")))
        .hasMessage(
            "argument 'configuration' is not part of the function signature in activity 'f'");
  }

  @Test
  void variadicParametersFollowPythonRules() {
    List<Parameter> kwargs =
        List.of(
            new Parameter("args", VAR_POSITIONAL, true),
            PATH,
            new Parameter("kwargs", VAR_KEYWORD, true));

    assertThat(ArgumentBinder.problem(kwargs, List.of("path", "anything", "else"))).isEmpty();
    assertThat(ArgumentBinder.problem(kwargs, List.of("anything")))
        .contains(new ArgumentBinder.Problem(ArgumentBinder.Problem.Type.MISSING, "path"));
  }

  @Test
  void positionalOnlyParameterGivenByNameIsRefusedWithAClearMessage() {
    List<Parameter> sum =
        List.of(
            new Parameter("iterable", POSITIONAL_ONLY, true),
            new Parameter("start", POSITIONAL_OR_KEYWORD, false));

    assertThatThrownBy(() -> ArgumentBinder.check("sum", sum, List.of("iterable")))
        .hasMessage(
            "argument 'iterable' of function 'sum' is positional-only, so an activity cannot give"
                + " it by name");
    assertThatThrownBy(() -> ArgumentBinder.check("sum", sum, List.of("start")))
        .hasMessage("required argument 'iterable' is missing from activity 'sum'");
  }

  @Test
  void argumentNamesAreQuotedLikePythonRepr() {
    assertThatThrownBy(() -> ArgumentBinder.check("f", List.of(), List.of("it's")))
        .hasMessage("argument \"it's\" is not part of the function signature in activity 'f'");
  }

  @Test
  void bindFillsDefaultsWithCopiesSoCallsCannotChangeThem() throws Exception {
    ActivityFunction append = registry.function(TestExtension.ACTIONS, "append").orElseThrow();

    Map<String, Object> bound = ArgumentBinder.bind(append, Map.of(), Map.of(), null);
    @SuppressWarnings("unchecked")
    List<Object> items = (List<Object>) bound.get("items");
    items.add("changed by the call");

    assertThat(ArgumentBinder.bind(append, Map.of(), Map.of(), null).get("items"))
        .isEqualTo(List.of("first"));
    assertThat(append.call(ArgumentBinder.bind(append, Map.of("items", List.of()), Map.of(), null)))
        .isEqualTo(List.of("appended"));
  }

  @Test
  void bindInjectsConfigurationCopyAndSecretsOnlyWhenGiven() {
    ActivityFunction context = registry.function(TestExtension.PROBES, "context").orElseThrow();
    Map<String, Object> configuration = new LinkedHashMap<>(Map.of("url", "http://x"));

    Map<String, Object> withoutSecrets =
        ArgumentBinder.bind(context, Map.of(), configuration, null);
    Map<String, Object> withSecrets =
        ArgumentBinder.bind(context, Map.of(), configuration, Map.of("token", "s3cr3t"));

    assertThat(withoutSecrets.get("configuration"))
        .isEqualTo(configuration)
        .isNotSameAs(configuration);
    assertThat(withoutSecrets.get("secrets")).isNull();
    assertThat(withSecrets.get("secrets")).isEqualTo(Map.of("token", "s3cr3t"));
  }

  @Test
  void bindRefusesArgumentsThatDoNotFit() {
    ActivityFunction echo = registry.function(TestExtension.PROBES, "echo").orElseThrow();

    assertThatThrownBy(() -> ArgumentBinder.bind(echo, Map.of(), Map.of(), null))
        .hasMessage("required argument 'value' is missing from activity 'echo'");
    assertThat(ArgumentBinder.bind(echo, Map.of("value", "hi"), Map.of(), null))
        .containsExactlyEntriesOf(orderedMap("value", "hi", "suffix", "!"));
  }

  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>(List.of(keysAndValues));
    for (int i = 0; i < list.size(); i += 2) {
      map.put((String) list.get(i), list.get(i + 1));
    }
    return map;
  }
}
