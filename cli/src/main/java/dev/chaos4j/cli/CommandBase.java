package dev.chaos4j.cli;

import dev.chaos4j.cli.logging.ConsoleSink;
import dev.chaos4j.cli.logging.FileSink;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every sub-command shares: logging set up from the global options, and errors reported as one
 * clear line (the stack trace only with {@code --verbose}) with the reference's exit code 1.
 */
public abstract class CommandBase implements Callable<Integer> {
  private static final Log LOG = Log.of(CommandBase.class);

  // the root command rather than the parent: sub-commands nest (chaos settings get)
  @Spec CommandSpec spec;

  /** The options given before the sub-command. */
  protected GlobalOptions global() {
    return ((ChaosCommand) spec.root().userObject()).global;
  }

  @Override
  public final Integer call() {
    GlobalOptions g = global();
    Log.clearSinks();
    Log.addSink(
        new ConsoleSink(System.err, g.verbose(), g.logFormat() == GlobalOptions.LogFormat.json));
    FileSink file = null;
    if (g.logToFile()) {
      Level level = Level.valueOf(g.logFileLevel().name().toUpperCase(java.util.Locale.ROOT));
      file = new FileSink(g.resolve(g.logFile()), level);
      Log.addSink(file);
    }
    Log.setThreshold(g.verbose() || g.logToFile() ? Level.DEBUG : Level.INFO);
    try {
      return execute();
    } catch (picocli.CommandLine.ParameterException e) {
      throw e; // usage errors: picocli prints them with the usage and exits 2
    } catch (ChaosException e) {
      LOG.error(e.getMessage(), g.verbose() ? e : null);
      return 1;
    } catch (RuntimeException | Error e) {
      LOG.error("unexpected error: " + e, e);
      if (!g.verbose()) {
        LOG.error("run again with --verbose to see the stack trace");
      }
      return 1;
    } finally {
      if (file != null) {
        file.close();
      }
    }
  }

  /** Runs the command; returns its exit code. */
  protected abstract int execute();
}
