package dev.chaos4j.cli;

import dev.chaos4j.cli.init.DiscoveredActivity;
import dev.chaos4j.cli.init.DiscoveryFile;
import dev.chaos4j.cli.init.ExperimentFormat;
import dev.chaos4j.cli.init.InitWizard;
import dev.chaos4j.cli.init.InputEnded;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.io.AtomicFile;
import dev.chaos4j.core.log.Log;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chaos init}: builds a new experiment interactively from the activities of a discovery
 * document. Answers are read from standard input one line at a time, so they can be piped.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Build a new experiment interactively from a discovery document.")
public final class InitCommand extends CommandBase {
  private static final Log LOG = Log.of(InitCommand.class);

  @Option(
      names = "--discovery-path",
      paramLabel = "PATH",
      defaultValue = "./discovery.json",
      description = "The discovery document to build from.%nDefault: ${DEFAULT-VALUE}")
  String discoveryPath;

  @Option(
      names = "--experiment-path",
      paramLabel = "PATH",
      defaultValue = "./experiment.json",
      description =
          "Where to save the experiment; .yaml or .yml saves YAML.%nDefault: ${DEFAULT-VALUE}")
  String experimentPath;

  @Override
  protected int execute() {
    events().emit("init-started", null, null);
    Map<String, Object> experiment;
    Path path = global().resolve(experimentPath).normalize();
    try {
      List<DiscoveredActivity> activities =
          DiscoveryFile.read(global().resolve(discoveryPath).normalize());
      // Not closed: standard input belongs to the process, not to this command.
      BufferedReader answers =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      experiment = new InitWizard(activities, answers, System.out).build();
      AtomicFile.write(path, ExperimentFormat.of(path).render(experiment), "experiment file");
    } catch (InputEnded e) {
      events().emit("init-failed", null, e);
      LOG.error("Input ended before the experiment was complete: nothing was saved");
      return 1;
    } catch (ChaosException e) {
      events().emit("init-failed", null, e);
      throw e;
    }
    LOG.info("Experiment saved in " + path);
    events().emit("init-completed", experiment, null);
    return 0;
  }
}
