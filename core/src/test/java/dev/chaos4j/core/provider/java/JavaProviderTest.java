package dev.chaos4j.core.provider.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.java.fixtures.Checks;
import dev.chaos4j.core.provider.java.fixtures.Doubler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProviderTest {
  private static final String CHECKS = Checks.class.getName();

  @TempDir Path work;

  private final JavaProvider provider = new JavaProvider();

  @AfterEach
  void closeProvider() {
    provider.close();
  }

  @Test
  void hasItsOwnProviderType() {
    assertThat(provider.type()).isEqualTo("java");
  }

  @Test
  void callsAPublicStaticMethodBindingArgumentsByName() {
    Map<String, Object> activity = java("greet", Map.of("times", 2, "name", "chaos"));

    provider.validate(activity, context());
    assertThat(provider.run(activity, context())).isEqualTo("hello chaos hello chaos");
  }

  @Test
  void convertsJsonValuesToTheParameterTypesAndTheResultBackToJson() {
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("host", 10);
    arguments.put("port", "8080");
    arguments.put("ratio", 1);
    arguments.put("secure", "TRUE");
    arguments.put("tags", List.of("a", 1));
    arguments.put("extra", Map.of("k", "v"));

    Object output = provider.run(java("describe", arguments), context());

    assertThat(output)
        .isEqualTo(
            Map.of(
                "host",
                "10",
                "port",
                8080L,
                "ratio",
                1.0,
                "secure",
                true,
                "tags",
                List.of("a", 1),
                "extra",
                Map.of("k", "v")));
  }

  @Test
  void substitutesArgumentsBeforeConvertingThem() {
    ProviderContext context =
        new ProviderContext(Map.of("times", "3"), Map.of(), work, System.getenv());
    Map<String, Object> activity = java("greet", Map.of("name", "x", "times", "${times}"));

    provider.validate(activity, context);
    assertThat(provider.run(activity, context)).isEqualTo("hello x hello x hello x");
  }

  @Test
  void singleMapParameterReceivesAllArguments() {
    Map<String, Object> arguments = Map.of("a", 1, "b", List.of(2));

    assertThat(provider.run(java("everything", arguments), context())).isEqualTo(arguments);
    assertThat(provider.run(java("everything", Map.of("arguments", Map.of("x", 1))), context()))
        .isEqualTo(Map.of("x", 1));
  }

  @Test
  void injectsConfigurationAndTheSecretsOfTheActivitysScopes() {
    ProviderContext context =
        new ProviderContext(
            Map.of("region", "eu-west-1"),
            Map.of("aws", Map.of("key", "k1"), "other", Map.of("x", "y")),
            work,
            System.getenv());
    Map<String, Object> activity = java("settings", Map.of("key", "region"));
    Map<String, Object> withSecrets = new LinkedHashMap<>(activity);
    withSecrets.put("provider", withEntry(provider(activity), "secrets", List.of("aws")));

    provider.validate(activity, context);
    assertThat(provider.run(withSecrets, context))
        .isEqualTo(Map.of("value", "eu-west-1", "secrets", Map.of("key", "k1")));
    Map<String, Object> noSecrets = new LinkedHashMap<>();
    noSecrets.put("value", "eu-west-1");
    noSecrets.put("secrets", null);
    assertThat(provider.run(activity, context)).isEqualTo(noSecrets);
  }

  @Test
  void exceptionFailsTheActivityWithItsSimpleNameAndMessage() {
    assertThatThrownBy(() -> provider.run(java("fail", Map.of("message", "disk full")), context()))
        .isInstanceOf(ActivityFailed.class)
        .hasMessage("IOException: disk full")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void interruptedMethodInterruptsTheRun() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                provider.run(java("nap", Map.of("millis", 120_000)), context());
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    while (caller.getState() != Thread.State.TIMED_WAITING && caller.isAlive()) {
      Thread.sleep(5);
    }

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptExecution.class);
  }

  @Test
  void classesStayLoadedSoStaticStateSurvivesBetweenActivities() {
    int first = (Integer) provider.run(java("count", Map.of()), context());

    assertThat(provider.run(java("count", Map.of()), context())).isEqualTo(first + 1);
  }

  @Test
  void activityFunctionClassIsCalledWithoutMethodAndItsDefaults() {
    Map<String, Object> activity =
        activity(Map.of("class", Doubler.class.getName()), Map.of("n", 21));

    provider.validate(activity, context());
    assertThat(provider.run(activity, context())).isEqualTo(42);
    assertThatThrownBy(
            () ->
                provider.validate(
                    activity(Map.of("class", Doubler.class.getName()), Map.of()), context()))
        .hasMessage(
            "required argument 'n' of function '"
                + Doubler.class.getName()
                + "' is missing from activity 'check'");
  }

  @Test
  void missingClassNameIsInvalid() {
    assertThatThrownBy(
            () -> provider.validate(activity(Map.of("method", "x"), Map.of()), context()))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("a Java activity must have a class name");
  }

  @Test
  void unknownClassIsInvalidAndSaysWhereItWasLookedFor() {
    assertThatThrownBy(
            () ->
                provider.validate(
                    activity(Map.of("class", "com.acme.Nope", "method", "x"), Map.of()), context()))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage(
            "could not find Java class 'com.acme.Nope' in activity 'check' (it has no classpath,"
                + " so only chaos4j's own class path was searched)");
  }

  @Test
  void methodThatIsNotPublicStaticIsInvalidInTheStyleOfThePythonProvider() {
    assertThatThrownBy(() -> provider.validate(java("notStatic", Map.of()), context()))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage(
            "The Java class '"
                + CHECKS
                + "' does not expose a public static method called 'notStatic' in probe 'check'");
  }

  @Test
  void overloadedMethodIsInvalid() {
    assertThatThrownBy(() -> provider.validate(java("twice", Map.of("n", 1)), context()))
        .hasMessage(
            "The Java class '"
                + CHECKS
                + "' has 2 public static methods called 'twice' and chaos4j cannot choose in probe"
                + " 'check'");
  }

  @Test
  void classWithoutMethodMustImplementActivityFunction() {
    assertThatThrownBy(
            () -> provider.validate(activity(Map.of("class", CHECKS), Map.of()), context()))
        .hasMessage(
            "a Java activity must have a method name, unless its class implements"
                + " dev.chaos4j.core.spi.ActivityFunction, which '"
                + CHECKS
                + "' of activity 'check' does not");
  }

  @Test
  void missingAndUnknownArgumentsNameTheMethodAndTheActivity() {
    assertThatThrownBy(() -> provider.validate(java("greet", Map.of("name", "x")), context()))
        .hasMessage(
            "required argument 'times' of method '"
                + CHECKS
                + ".greet' is missing from activity 'check'");
    assertThatThrownBy(
            () ->
                provider.validate(
                    java("greet", Map.of("name", "x", "times", 1, "colour", "red")), context()))
        .hasMessage(
            "argument 'colour' is not a parameter of method '"
                + CHECKS
                + ".greet' in activity 'check'");
  }

  @Test
  void valueThatDoesNotFitTheParameterTypeIsInvalid() {
    assertThatThrownBy(
            () -> provider.validate(java("greet", Map.of("name", "x", "times", "many")), context()))
        .hasMessage(
            "argument 'times' of activity 'check' must be an int for method '"
                + CHECKS
                + ".greet', not str 'many'");
    assertThatThrownBy(
            () ->
                provider.validate(java("greet", Map.of("name", List.of(), "times", 1)), context()))
        .hasMessage(
            "argument 'name' of activity 'check' must be a string for method '"
                + CHECKS
                + ".greet', not list []");
  }

  @Test
  void substitutedValueThatDoesNotFitFailsTheActivity() {
    ProviderContext context =
        new ProviderContext(Map.of("times", "often"), Map.of(), work, System.getenv());
    Map<String, Object> activity = java("greet", Map.of("name", "x", "times", "${times}"));

    assertThatCode(() -> provider.validate(activity, context)).doesNotThrowAnyException();
    assertThatThrownBy(() -> provider.run(activity, context))
        .isInstanceOf(ActivityFailed.class)
        .hasMessage(
            "argument 'times' of activity 'check' must be an int for method '"
                + CHECKS
                + ".greet', not str 'often'");
  }

  @Test
  void parameterTypeChaos4jCannotFillIsInvalid() {
    assertThatThrownBy(() -> provider.validate(java("timeout", Map.of("duration", 1)), context()))
        .hasMessageStartingWith(
            "parameter 'duration' of method '"
                + CHECKS
                + ".timeout' has type Duration, which chaos4j cannot pass from activity 'check'");
  }

  @Test
  void loadsClassesFromClasspathEntriesRelativeToTheWorkingDirectory() throws Exception {
    compile("com.acme.Probe", PROBE_SOURCE, work.resolve("build/classes"), true);
    jar(work.resolve("build/classes"), work.resolve("lib/probe.jar"));

    Map<String, Object> fromDirectory = probe(List.of("build/classes"));
    Map<String, Object> fromJar = probe(List.of("lib/probe.jar"));

    provider.validate(fromDirectory, context());
    assertThat(provider.run(fromDirectory, context())).isEqualTo("pong db");
    assertThat(provider.run(fromJar, context())).isEqualTo("pong db");
  }

  @Test
  void missingClasspathEntryIsInvalid() {
    assertThatThrownBy(() -> provider.validate(probe(List.of("lib/missing.jar")), context()))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage(
            "classpath entry 'lib/missing.jar' of Java activity 'check' does not exist (looked for "
                + work.resolve("lib/missing.jar").toAbsolutePath()
                + ")");
  }

  @Test
  void classMissingFromTheClasspathListsIt() throws Exception {
    Files.createDirectories(work.resolve("build/classes"));

    assertThatThrownBy(() -> provider.validate(probe(List.of("build/classes")), context()))
        .hasMessage(
            "could not find Java class 'com.acme.Probe' in activity 'check' (classpath:"
                + " build/classes)");
  }

  @Test
  void classCompiledWithoutParameterNamesIsInvalidWithTheRemedy() throws Exception {
    compile("com.acme.Probe", PROBE_SOURCE, work.resolve("classes"), false);

    assertThatThrownBy(() -> provider.validate(probe(List.of("classes")), context()))
        .hasMessage(
            "method 'com.acme.Probe.ping' has no parameter names, so activity 'check' cannot give"
                + " it arguments: compile it with javac -parameters, or make it take a single"
                + " Map<String, Object>");
  }

  private static final String PROBE_SOURCE =
      """
      package com.acme;

      public class Probe {
        public static String ping(String host) {
          return "pong " + host;
        }
      }
      """;

  private Map<String, Object> probe(List<String> classpath) {
    return activity(
        Map.of("class", "com.acme.Probe", "method", "ping", "classpath", classpath),
        Map.of("host", "db"));
  }

  private Map<String, Object> java(String method, Map<String, Object> arguments) {
    return activity(Map.of("class", CHECKS, "method", method), arguments);
  }

  private static Map<String, Object> activity(
      Map<String, Object> provider, Map<String, Object> arguments) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "java");
    block.putAll(provider);
    block.put("arguments", arguments);
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", "probe");
    activity.put("name", "check");
    activity.put("provider", block);
    return activity;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> provider(Map<String, Object> activity) {
    return (Map<String, Object>) activity.get("provider");
  }

  private static Map<String, Object> withEntry(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  private ProviderContext context() {
    return ProviderContext.empty(work);
  }

  /** Compiles one class with the JDK's compiler, as a user's build would. */
  private void compile(String className, String source, Path classes, boolean parameters)
      throws IOException {
    Path file = work.resolve("src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Files.createDirectories(classes);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    if (parameters) {
      args.add("-parameters");
    }
    args.add(file.toString());
    int status = compiler.run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("javac exit status").isZero();
  }

  private static void jar(Path classes, Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        jarOut.write(Files.readAllBytes(file));
        jarOut.closeEntry();
      }
    }
  }
}
