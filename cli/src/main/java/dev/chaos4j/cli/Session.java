package dev.chaos4j.cli;

import dev.chaos4j.core.config.RunConfiguration;
import dev.chaos4j.core.config.Variables;
import dev.chaos4j.core.control.ControlLoader;
import dev.chaos4j.core.control.ControlsValidator;
import dev.chaos4j.core.control.GlobalControls;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.loader.ExperimentLoader;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.provider.Providers;
import dev.chaos4j.core.provider.http.HttpProvider;
import dev.chaos4j.core.provider.java.JavaProvider;
import dev.chaos4j.core.provider.process.ProcessProvider;
import dev.chaos4j.core.provider.python.PythonBridge;
import dev.chaos4j.core.provider.python.PythonProvider;
import dev.chaos4j.core.secret.SecretsLoader;
import dev.chaos4j.core.settings.Settings;
import dev.chaos4j.core.tolerance.ToleranceValidator;
import dev.chaos4j.core.validation.ExperimentValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine assembled for one command: settings, loader, providers (with the extension registry
 * and the Python bridge, started only if needed) and the validator. Closing it stops the bridge.
 */
final class Session implements AutoCloseable {
  private final Path workingDirectory;
  private final Settings settings;
  private final Map<String, String> environment;
  private final FunctionRegistry registry;
  private final PythonBridge bridge;
  private final JavaProvider javaProvider;
  private final Providers providers;
  private final ControlLoader controls;

  /**
   * @param global the global options (working directory, settings path)
   * @param variables the run's {@code --var}/{@code --var-file} values (none for validate)
   */
  Session(GlobalOptions global, Variables variables) {
    this.workingDirectory = global.workingDirectory();
    this.settings = Settings.load(global.settingsPath());
    this.environment = variables.environment(System.getenv());
    this.registry = FunctionRegistry.installed();
    this.bridge = new PythonBridge();
    this.javaProvider = new JavaProvider();
    this.providers =
        new Providers(
            List.of(
                new HttpProvider(),
                new ProcessProvider(),
                new PythonProvider(registry, bridge),
                javaProvider));
    this.controls = new ControlLoader(bridge, workingDirectory, environment);
  }

  Settings settings() {
    return settings;
  }

  Map<String, String> environment() {
    return environment;
  }

  Path workingDirectory() {
    return workingDirectory;
  }

  Providers providers() {
    return providers;
  }

  /** Loads an experiment file or URL. */
  Object load(String source, boolean verifyTls) {
    return new ExperimentLoader(workingDirectory, settings::authFor, environment, verifyTls)
        .load(source);
  }

  /** Validates a loaded document with every rule; returns the problems, empty when valid. */
  List<String> validate(Object document, Variables variables) {
    // the controls' own validation checks the activities they declare with the validator's rules
    AtomicReference<ExperimentValidator> rules = new AtomicReference<>();
    ControlsValidator controls =
        new ControlsValidator(controls(), activity -> rules.get().checkActivity(activity));
    ExperimentValidator validator =
        new ExperimentValidator(
            providers,
            new ProviderContext(Map.of(), Map.of(), workingDirectory, environment),
            experiment -> RunConfiguration.validate(experiment, variables, environment),
            experiment -> SecretsLoader.warnAboutDeprecations(experiment.get("secrets")),
            ToleranceValidator::validate,
            controls::check);
    rules.set(validator);
    return validator.validate(document);
  }

  /** What finds controls: the installed Java ones, then Python modules through the bridge. */
  ControlLoader controls() {
    return controls;
  }

  /**
   * The global controls: the settings' then those of each control file, loaded before the
   * experiment.
   */
  GlobalControls globalControls(List<Path> controlFiles) {
    return GlobalControls.load(controls, settings.controls(), controlFiles);
  }

  @Override
  public void close() {
    controls.close();
    bridge.close();
    javaProvider.close();
  }
}
