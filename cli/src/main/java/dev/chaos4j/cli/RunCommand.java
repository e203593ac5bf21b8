package dev.chaos4j.cli;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.config.RunConfiguration;
import dev.chaos4j.core.config.Substitution;
import dev.chaos4j.core.config.Variables;
import dev.chaos4j.core.control.GlobalControls;
import dev.chaos4j.core.journal.JournalWriter;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.run.Dry;
import dev.chaos4j.core.run.HypothesisStrategy;
import dev.chaos4j.core.run.Interruption;
import dev.chaos4j.core.run.RunEnvironment;
import dev.chaos4j.core.run.RunOptions;
import dev.chaos4j.core.run.Runner;
import dev.chaos4j.core.run.Strategies;
import dev.chaos4j.core.run.ToleranceCheck;
import dev.chaos4j.core.value.Py;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chaos run SOURCE}: runs an experiment and writes its journal. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the experiment at SOURCE (a file or an http(s) URL).")
public final class RunCommand extends CommandBase {
  private static final Log LOG = Log.of(RunCommand.class);
  private static final List<String> ROLLBACK_STRATEGIES =
      List.of("default", "always", "never", "deviated");
  private static final List<String> HYPOTHESIS_STRATEGIES =
      List.of(
          "default",
          "before-method-only",
          "after-method-only",
          "during-method-only",
          "continuously",
          "continously");

  @Spec CommandSpec command;

  @Parameters(paramLabel = "SOURCE", description = "Experiment file (.json, .yaml, .yml) or URL.")
  String source;

  @Option(
      names = "--journal-path",
      paramLabel = "PATH",
      defaultValue = "./journal.json",
      description = "Where to write the journal (default: ${DEFAULT-VALUE}).")
  String journalPath;

  @Option(
      names = "--dry",
      paramLabel = "MODE",
      description = "Run without executing: probes, actions, activities or pause.")
  String dry;

  @Option(names = "--no-validation", description = "Do not validate the experiment first.")
  boolean noValidation;

  @Option(names = "--no-verify-tls", description = "Do not verify TLS certificates of an URL.")
  boolean noVerifyTls;

  @Option(
      names = "--rollback-strategy",
      paramLabel = "STRATEGY",
      description = "When to play rollbacks: default, always, never, deviated.")
  String rollbackStrategy;

  @Option(
      names = "--var",
      paramLabel = "KEY[:TYPE]=VALUE",
      description =
          "Override a configuration key (repeatable); TYPE: str, int, float, bytes, bool, json.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--var-file",
      paramLabel = "PATH",
      description =
          "Configuration and secrets from a .json/.yaml file, or a dotenv file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(
      names = "--control-file",
      paramLabel = "PATH",
      description = "Global controls from a .json/.yaml file (repeatable).")
  List<Path> controlFiles = new ArrayList<>();

  @Option(
      names = "--hypothesis-strategy",
      paramLabel = "STRATEGY",
      description =
          "When to check the steady state: default, before-method-only, after-method-only,"
              + " during-method-only, continuously.")
  String hypothesisStrategy;

  @Option(
      names = "--hypothesis-frequency",
      paramLabel = "SECONDS",
      defaultValue = "1.0",
      description =
          "Seconds between two continuous steady-state checks (default: ${DEFAULT-VALUE}).")
  double hypothesisFrequency;

  @Option(
      names = "--fail-fast",
      description = "Stop the method as soon as a continuous steady-state check deviates.")
  boolean failFast;

  @Option(
      names = "--use-outputs",
      description =
          "Let activities use earlier activities' outputs as $${outputs.NAME.path.to.value}"
              + " (an extension; also runtime: {outputs: true}).")
  boolean useOutputs;

  @Option(
      names = "--fail-on-activity-failure",
      description =
          "A failed method activity fails the experiment: the method stops, status failed, exit 1"
              + " (an extension; also runtime: {fail_on_activity_failure: true}).")
  boolean failOnActivityFailure;

  @Override
  protected int execute() {
    Dry dryMode = parseChoices();
    Variables variables = loadVariables();
    List<Path> controlPaths = existingFiles("--control-file", controlFiles);
    // handlers from the start: a signal that arrives while the experiment loads or validates
    // ends the run as interrupted, with its journal, instead of killing the JVM
    Interruption interruption = new Interruption();
    try (SignalHandlers signals = SignalBridge.install(interruption);
        Session session = new Session(global(), variables)) {
      GlobalControls controls = session.globalControls(controlPaths);
      Object document =
          controls.aroundLoading(
              source, session.settings().raw(), () -> session.load(source, !noVerifyTls));
      events().emit("run-started", document, null);
      if (!noValidation) {
        LOG.info("Validating the experiment's syntax");
        List<String> problems = session.validate(document, variables);
        if (!problems.isEmpty()) {
          problems.forEach(LOG::error);
          return 1;
        }
        LOG.info("Experiment looks valid");
      }
      if (!(document instanceof Map<?, ?>)) {
        throw new ChaosException("the experiment is not a mapping of keys; nothing to run");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> experiment = (Map<String, Object>) document;
      try {
        return play(session, controls, experiment, variables, dryMode, interruption);
      } catch (ChaosException e) {
        events().emit("run-failed", experiment, e);
        throw e;
      }
    }
  }

  private int play(
      Session session,
      GlobalControls controls,
      Map<String, Object> experiment,
      Variables variables,
      Dry dryMode,
      Interruption interruption) {
    Map<String, Object> settings = session.settings().raw();
    HypothesisStrategy hypothesis = Strategies.hypothesis(hypothesisStrategy, experiment, settings);
    String rollbackName = Strategies.rollbackName(rollbackStrategy, experiment, settings);
    RunOptions options =
        new RunOptions(
            dryMode,
            hypothesis,
            hypothesisFrequency,
            failFast,
            Strategies.rollback(rollbackName),
            rollbackName,
            Strategies.enabled(useOutputs, "outputs", experiment, settings),
            Strategies.enabled(
                failOnActivityFailure, "fail_on_activity_failure", experiment, settings));
    experiment.put("dry", dryMode == null ? null : dryMode.label());

    Map<String, String> environment = session.environment();
    Path dir = session.workingDirectory();
    RunConfiguration loaded =
        RunConfiguration.load(
            experiment,
            variables,
            environment,
            (probe, soFar, s) ->
                session.providers().run(probe, new ProviderContext(soFar, s, dir, environment)));
    Map<String, Object> configuration = loaded.configuration();
    Map<String, Object> secrets = loaded.secrets();
    RunEnvironment runEnvironment =
        new RunEnvironment(configuration, secrets, dir, environment, settings);
    Object title = experiment.get("title");
    if (title instanceof String t) {
      experiment.put("title", Py.str(new Substitution(configuration, secrets).string(t)));
    }

    Path journalFile = global().resolve(journalPath);
    Map<String, Object> journal =
        new Runner(session.providers(), ToleranceCheck.REFERENCE, controls)
            .run(experiment, options, runEnvironment, interruption);
    JournalWriter.write(journalFile, journal);
    LOG.debug("Journal written to " + journalFile);
    boolean completed = "completed".equals(journal.get("status"));
    boolean deviated = Boolean.TRUE.equals(journal.get("deviated"));
    events().emit(completed ? "run-completed" : "run-failed", journal, null);
    if (deviated) {
      events().emit("run-deviated", journal, null);
    }
    return completed && !deviated ? 0 : 1;
  }

  /** Usage errors are exit code 2 with the option named, as the reference's click does. */
  private Dry parseChoices() {
    if (rollbackStrategy != null && !ROLLBACK_STRATEGIES.contains(rollbackStrategy)) {
      throw usage("--rollback-strategy", rollbackStrategy, ROLLBACK_STRATEGIES);
    }
    if (hypothesisStrategy != null && !HYPOTHESIS_STRATEGIES.contains(hypothesisStrategy)) {
      throw usage("--hypothesis-strategy", hypothesisStrategy, HYPOTHESIS_STRATEGIES);
    }
    if (dry == null) {
      return null;
    }
    for (Dry d : Dry.values()) {
      if (d.label().equals(dry)) {
        return d;
      }
    }
    throw usage("--dry", dry, List.of("probes", "actions", "activities", "pause"));
  }

  private Variables loadVariables() {
    List<Path> files = existingFiles("--var-file", varFiles);
    try {
      return Variables.load(vars, files);
    } catch (dev.chaos4j.core.config.InvalidVariable e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
  }

  /** The files of a repeatable option, resolved; one that does not exist is a usage error. */
  private List<Path> existingFiles(String option, List<Path> given) {
    List<Path> files = new ArrayList<>();
    for (Path p : given) {
      Path resolved = global().workingDirectory().resolve(p);
      if (!java.nio.file.Files.exists(resolved)) {
        throw new ParameterException(
            command.commandLine(),
            "Invalid value for '" + option + "': Path '" + p + "' does not exist.");
      }
      files.add(resolved);
    }
    return files;
  }

  private ParameterException usage(String option, String value, List<String> choices) {
    return new ParameterException(
        command.commandLine(),
        "Invalid value for '"
            + option
            + "': '"
            + value
            + "' is not one of "
            + String.join(", ", choices.stream().map(c -> "'" + c + "'").toList())
            + ".");
  }
}
