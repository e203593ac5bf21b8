package dev.chaos4j.cli;

import dev.chaos4j.core.InvalidExperiment;
import dev.chaos4j.core.config.Variables;
import dev.chaos4j.core.log.Log;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos validate SOURCE}: checks an experiment with every rule, one line per problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate the experiment at SOURCE (a file or an http(s) URL).")
public final class ValidateCommand extends CommandBase {
  private static final Log LOG = Log.of(ValidateCommand.class);

  @Parameters(paramLabel = "SOURCE", description = "Experiment file (.json, .yaml, .yml) or URL.")
  String source;

  @Option(names = "--no-verify-tls", description = "Do not verify TLS certificates of an URL.")
  boolean noVerifyTls;

  @Override
  protected int execute() {
    try (Session session = new Session(global(), Variables.none())) {
      Object document = session.load(source, !noVerifyTls);
      events().emit("validate-started", document, null);
      List<String> problems = session.validate(document, Variables.none());
      if (!problems.isEmpty()) {
        problems.forEach(LOG::error);
        events()
            .emit("validate-failed", document, new InvalidExperiment(String.join("\n", problems)));
        return 1;
      }
      LOG.info("experiment syntax and semantic look valid");
      events().emit("validate-completed", document, null);
      return 0;
    }
  }
}
