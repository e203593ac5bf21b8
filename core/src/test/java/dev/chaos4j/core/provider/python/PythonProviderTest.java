package dev.chaos4j.core.provider.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.extension.TestExtension;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.Functions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonProviderTest {
  @TempDir Path work;

  private final FunctionRegistry registry = FunctionRegistry.of(List.of(new TestExtension()));

  /** Activities whose module is implemented in Java: python3 is never needed (nor started). */
  @Nested
  class JavaImplementations {
    /** A bridge that cannot start, so that any use of it would show. */
    private final PythonBridge noPython = new PythonBridge("chaos4j-no-such-python3");

    private final PythonProvider provider = new PythonProvider(registry, noPython);

    @Test
    void hasTheReferencesProviderType() {
      assertThat(provider.type()).isEqualTo("python");
    }

    @Test
    void activityWithoutModuleIsInvalid() {
      // conformance: activity_MissingModuleProbe
      assertThatThrownBy(() -> provider.validate(activity("probe", "a name", Map.of()), context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage("a Python activity must have a module path");
    }

    @Test
    void activityWithoutFunctionIsInvalid() {
      // conformance: activity_MissingFunctionProbe
      assertThatThrownBy(
              () ->
                  provider.validate(
                      activity("probe", "a name", Map.of("module", "os.path")), context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage("a Python activity must have a function name");
    }

    @Test
    void javaModuleWithoutTheFunctionIsInvalidWithTheReferencesMessage() {
      Map<String, Object> activity =
          activity("action", "a", Map.of("module", TestExtension.PROBES, "func", "nope"));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage(
              "The python module 'chaos4j.testing.probes' does not expose a function called 'nope'"
                  + " in action 'a'");
    }

    @Test
    void argumentsAreBoundAgainstTheJavaFunctionNamingTheFunction() {
      assertThatThrownBy(() -> provider.validate(echo("my probe", Map.of()), context()))
          .hasMessage("required argument 'value' is missing from activity 'echo'");
      assertThatThrownBy(
              () -> provider.validate(echo("my probe", Map.of("value", 1, "colour", 2)), context()))
          .hasMessage("argument 'colour' is not part of the function signature in activity 'echo'");
      assertThatCode(() -> provider.validate(echo("my probe", Map.of("value", 1)), context()))
          .doesNotThrowAnyException();
    }

    @Test
    void argumentsThatAreNotAMappingAreInvalid() {
      Map<String, Object> provider = new LinkedHashMap<>();
      provider.put("module", TestExtension.PROBES);
      provider.put("func", "echo");
      provider.put("arguments", List.of("value"));

      assertThatThrownBy(() -> this.provider.validate(activity("probe", "p", provider), context()))
          .hasMessage(
              "the arguments of activity 'p' must be a mapping of argument names to values, not a"
                  + " list");
    }

    @Test
    void runsTheJavaFunctionWithSubstitutedArgumentsAndDefaults() {
      ProviderContext context =
          new ProviderContext(Map.of("who", "world"), Map.of(), work, System.getenv());

      assertThat(provider.run(echo("p", Map.of("value", "hello ${who}")), context))
          .isEqualTo("hello world!");
    }

    @Test
    void injectsConfigurationAndTheSecretsOfTheScopesTheActivityNames() {
      Map<String, Object> secrets =
          Map.of("k8s", Map.of("token", "abc"), "aws", Map.of("key", "xyz"), "other", Map.of());
      ProviderContext context =
          new ProviderContext(Map.of("region", "eu"), secrets, work, System.getenv());
      Map<String, Object> withScopes =
          Map.of(
              "module", TestExtension.PROBES, "func", "context", "secrets", List.of("k8s", "aws"));
      Map<String, Object> withoutScopes = Map.of("module", TestExtension.PROBES, "func", "context");

      assertThat(provider.run(activity("probe", "p", withScopes), context))
          .isEqualTo(
              Map.of(
                  "configuration",
                  Map.of("region", "eu"),
                  "secrets",
                  Map.of("token", "abc", "key", "xyz")));
      assertThat(provider.run(activity("probe", "p", withoutScopes), context))
          .extracting(output -> ((Map<?, ?>) output).get("secrets"))
          .isNull();
    }

    @Test
    void exceptionOfTheJavaFunctionFailsTheActivityWithItsTypeAndMessage() {
      Map<String, Object> fail =
          activity(
              "action",
              "f",
              Map.of(
                  "module",
                  TestExtension.ACTIONS,
                  "func",
                  "fail",
                  "arguments",
                  Map.of("message", "pod not found")));

      assertThatThrownBy(() -> provider.run(fail, context()))
          .isInstanceOf(ActivityFailed.class)
          .hasMessage("IllegalStateException: pod not found")
          .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void argumentsThatDoNotBindAtRunTimeFailTheActivity() {
      assertThatThrownBy(() -> provider.run(echo("p", Map.of()), context()))
          .isInstanceOf(ActivityFailed.class)
          .hasMessage("required argument 'value' is missing from activity 'echo'");
    }

    @Test
    void errorOfTheJavaFunctionWithoutMessageShowsItsCause() {
      ActivityFunction broken =
          Functions.probe("m", "f")
              .body(
                  args -> {
                    throw new RuntimeException(new java.io.IOException("disk full"));
                  });
      PythonProvider provider = new PythonProvider(registryOf(broken), noPython);

      assertThatThrownBy(
              () ->
                  provider.run(
                      activity("probe", "p", Map.of("module", "m", "func", "f")), context()))
          .hasMessage("RuntimeException: java.io.IOException: disk full");
    }
  }

  /** Activities whose module only Python has: the real python3 answers. */
  @Nested
  class PythonModules {
    private final PythonBridge bridge = new PythonBridge();
    private final PythonProvider provider = new PythonProvider(registry, bridge);

    @AfterEach
    void closeBridge() {
      bridge.close();
    }

    @Test
    void missingRequiredArgumentOfAPythonFunction() {
      Python.assumeAvailable();
      // conformance: activity_MissingFuncArgProbe
      Map<String, Object> activity =
          activity(
              "probe",
              "a name",
              Map.of("module", "os.path", "func", "exists", "arguments", Map.of()));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage("required argument 'path' is missing from activity 'exists'");
    }

    @Test
    void unknownArgumentOfAPythonFunction() {
      Python.assumeAvailable();
      // conformance: activity_TooManyFuncArgsProbe
      Map<String, Object> arguments = new LinkedHashMap<>();
      arguments.put("path", "/some/path");
      arguments.put("should_not_be_here", "indeed not");
      Map<String, Object> activity =
          activity(
              "probe",
              "too-many-args-pause",
              Map.of("module", "os.path", "func", "exists", "arguments", arguments));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage(
              "argument 'should_not_be_here' is not part of the function signature in activity"
                  + " 'exists'");
    }

    @Test
    void pythonModuleWithoutTheFunction() {
      Python.assumeAvailable();
      // conformance: inv_python_func_missing
      Map<String, Object> activity =
          activity("probe", "p", Map.of("module", "os.path", "func", "nope"));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage(
              "The python module 'os.path' does not expose a function called 'nope' in probe 'p'");
    }

    @Test
    void boundMethodsAreNotFunctionsAsInTheReference() {
      Python.assumeAvailable();
      Map<String, Object> activity =
          activity(
              "action",
              "pick",
              Map.of("module", "random", "func", "choice", "arguments", Map.of("seq", List.of(1))));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .hasMessage(
              "The python module 'random' does not expose a function called 'choice' in action"
                  + " 'pick'");
    }

    @Test
    void moduleNeitherJavaNorPythonHasSaysSoAndListsTheClosestJavaModules() {
      Python.assumeAvailable();
      // conformance: activity_NotImportableModuleProbe (the reference's message, then ours)
      Map<String, Object> activity =
          activity("probe", "a name", Map.of("module", "fake.module", "func", "myfunc"));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage(
              "could not find Python module 'fake.module' in activity 'a name': chaos4j has no"
                  + " Java implementation of it and python3 cannot import it (Java modules:"
                  + " chaos4j.testing.actions, chaos4j.testing.probes)");
    }

    @Test
    void closestJavaModulesComeFirstAndTheListIsShortened() {
      Python.assumeAvailable();
      List<ActivityFunction> functions = new ArrayList<>();
      for (String module :
          List.of(
              "chaosaws.ec2.actions",
              "chaosaws.ecs.actions",
              "chaosk8s.node.actions",
              "chaosk8s.pod.actions",
              "chaosk8s.pod.probes",
              "chaostoxi.toxic.actions",
              "chaostoxi.proxy.actions")) {
        functions.add(Functions.action(module, "f").body(args -> null));
      }
      PythonProvider provider = new PythonProvider(registryOf(functions), bridge);
      Map<String, Object> activity =
          activity(
              "action", "add-latency", Map.of("module", "chaostoxi.toxics.actions", "func", "f"));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .hasMessage(
              "could not find Python module 'chaostoxi.toxics.actions' in activity 'add-latency':"
                  + " chaos4j has no Java implementation of it and python3 cannot import it (Java"
                  + " modules: chaostoxi.toxic.actions, chaostoxi.proxy.actions,"
                  + " chaosaws.ec2.actions, chaosaws.ecs.actions, chaosk8s.node.actions, ...)");
    }

    @Test
    void noJavaModulesInstalledIsSaid() {
      Python.assumeAvailable();
      PythonProvider provider = new PythonProvider(FunctionRegistry.of(List.of()), bridge);

      assertThatThrownBy(
              () ->
                  provider.validate(
                      activity("probe", "p", Map.of("module", "fake.module", "func", "f")),
                      context()))
          .hasMessageEndingWith("python3 cannot import it (no Java modules are installed)");
    }

    @Test
    void moduleThatFailsToImportShowsPythonsError() {
      Python.assumeAvailable();
      Path modules = work.resolve("modules");
      ProviderContext context = withModules(modules);
      Python.write(modules, "broken_fixture", "import chaos4j_missing_dependency\n");

      assertThatThrownBy(
              () ->
                  provider.validate(
                      activity("probe", "p", Map.of("module", "broken_fixture", "func", "f")),
                      context))
          .hasMessage(
              "could not find Python module 'broken_fixture' in activity 'p': chaos4j has no Java"
                  + " implementation of it and python3 cannot import it: ModuleNotFoundError: No"
                  + " module named 'chaos4j_missing_dependency' (Java modules:"
                  + " chaos4j.testing.actions, chaos4j.testing.probes)");
    }

    @Test
    void noPythonInterpreterIsSaidOnTheSameLine() {
      PythonProvider provider =
          new PythonProvider(registry, new PythonBridge("chaos4j-no-such-python3"));

      assertThatThrownBy(
              () ->
                  provider.validate(
                      activity(
                          "probe", "p", Map.of("module", "chaostoxi.toxic.actions", "func", "f")),
                      context()))
          .isInstanceOf(InvalidActivity.class)
          .hasMessage(
              "could not find Python module 'chaostoxi.toxic.actions' in activity 'p': chaos4j has"
                  + " no Java implementation of it and no chaos4j-no-such-python3 interpreter was"
                  + " found on PATH (Java modules: chaos4j.testing.actions,"
                  + " chaos4j.testing.probes)");
    }

    @Test
    void functionWithoutReadableSignatureIsInvalidInsteadOfACrash() {
      Python.assumeAvailable();
      Map<String, Object> activity =
          activity(
              "action",
              "wait",
              Map.of("module", "time", "func", "sleep", "arguments", Map.of("secs", 1)));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .hasMessage(
              "the signature of Python function 'sleep' of module 'time' cannot be read, so"
                  + " activity 'wait' cannot be checked nor run: ValueError: no signature found"
                  + " for builtin <built-in function sleep>");
    }

    @Test
    void positionalOnlyParameterIsRefusedInsteadOfACrash() {
      Python.assumeAvailable();
      Map<String, Object> activity =
          activity(
              "probe",
              "total",
              Map.of(
                  "module",
                  "builtins",
                  "func",
                  "sum",
                  "arguments",
                  Map.of("iterable", List.of(1))));

      assertThatThrownBy(() -> provider.validate(activity, context()))
          .hasMessage(
              "argument 'iterable' of function 'sum' is positional-only, so an activity cannot give"
                  + " it by name");
    }

    @Test
    void validatesAndRunsARelativePathProbeInTheWorkingDirectory() throws Exception {
      Python.assumeAvailable();
      // conformance: ctk_check_file_exists
      Files.createDirectories(work.resolve("tests"));
      Files.writeString(work.resolve("tests/conftest.py"), "");
      Map<String, Object> activity =
          activity(
              "probe",
              "check-file-exists",
              Map.of(
                  "module",
                  "os.path",
                  "func",
                  "exists",
                  "arguments",
                  Map.of("path", "tests/conftest.py")));

      provider.validate(activity, context());
      assertThat(provider.run(activity, context())).isEqualTo(true);
      Files.delete(work.resolve("tests/conftest.py"));
      assertThat(provider.run(activity, context())).isEqualTo(false);
    }

    @Test
    void substitutesArgumentsBeforeCallingPython() {
      Python.assumeAvailable();
      ProviderContext context =
          new ProviderContext(Map.of("name", "chaos world"), Map.of(), work, System.getenv());
      Map<String, Object> activity =
          activity(
              "probe",
              "caps",
              Map.of(
                  "module",
                  "string",
                  "func",
                  "capwords",
                  "arguments",
                  Map.of("s", "hello ${name}")));

      assertThat(provider.run(activity, context)).isEqualTo("Hello Chaos World");
    }

    @Test
    void pythonExceptionFailsTheActivityLikeTheReference() {
      Python.assumeAvailable();
      Map<String, Object> activity =
          activity(
              "action",
              "rename",
              Map.of(
                  "module",
                  "os",
                  "func",
                  "rename",
                  "arguments",
                  Map.of("src", "missing.ini", "dst", "other.ini")));

      assertThatThrownBy(() -> provider.run(activity, context()))
          .isInstanceOf(ActivityFailed.class)
          .hasMessage(
              "FileNotFoundError: [Errno 2] No such file or directory: 'missing.ini' ->"
                  + " 'other.ini'");
    }

    private ProviderContext withModules(Path modules) {
      try {
        Files.createDirectories(modules);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return Python.contextWithModules(modules, work, Map.of(), Map.of());
    }
  }

  private ProviderContext context() {
    return ProviderContext.empty(work);
  }

  private static Map<String, Object> echo(String name, Map<String, Object> arguments) {
    return activity(
        "probe",
        name,
        Map.of("module", TestExtension.PROBES, "func", "echo", "arguments", arguments));
  }

  private static Map<String, Object> activity(
      String type, String name, Map<String, Object> provider) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "python");
    block.putAll(provider);
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", type);
    activity.put("name", name);
    activity.put("provider", block);
    return activity;
  }

  private static FunctionRegistry registryOf(ActivityFunction function) {
    return registryOf(List.of(function));
  }

  private static FunctionRegistry registryOf(List<ActivityFunction> functions) {
    return FunctionRegistry.of(
        List.of(
            new Extension() {
              @Override
              public String name() {
                return "test";
              }

              @Override
              public String version() {
                return "0";
              }

              @Override
              public List<ActivityFunction> functions() {
                return functions;
              }
            }));
  }
}
