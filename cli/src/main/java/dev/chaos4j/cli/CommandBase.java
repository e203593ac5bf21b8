package dev.chaos4j.cli;

import dev.chaos4j.cli.logging.ConsoleSink;
import dev.chaos4j.cli.logging.FileSink;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.log.Level;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.notification.Notifications;
import dev.chaos4j.core.settings.InvalidSettings;
import dev.chaos4j.core.settings.Settings;
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

  /**
   * Where the command's flow events go: given by tests, else, on first use, the notification
   * channels of the settings file.
   */
  FlowEvents events;

  // the settings' channels, opened by events() for one call and drained at its end
  private Notifications notifications;

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
      closeNotifications();
      if (file != null) {
        file.close();
      }
    }
  }

  /**
   * Where to emit the reference's flow events ({@code run-started}...): the settings' notification
   * channels unless a listener was given.
   */
  protected FlowEvents events() {
    if (events == null) {
      notifications = Notifications.of(settingsForNotifications());
      events = notifications::notify;
    }
    return events;
  }

  private Settings settingsForNotifications() {
    try {
      return Settings.load(global().settingsPath());
    } catch (InvalidSettings e) {
      // the command reports an unreadable settings file itself when it needs the settings
      LOG.debug("Notifications are off: " + e.getMessage());
      return Settings.empty();
    }
  }

  /** Waits, bounded, for the events still being sent, so the last one is not lost at exit. */
  private void closeNotifications() {
    if (notifications != null) {
      notifications.close();
      notifications = null;
      events = null;
    }
  }

  /** Runs the command; returns its exit code. */
  protected abstract int execute();
}
