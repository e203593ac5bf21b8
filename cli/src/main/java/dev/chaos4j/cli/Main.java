package dev.chaos4j.cli;

import dev.chaos4j.cli.proxy.ProxyCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/** Entry point of the {@code chaos} command. */
public final class Main {
  /** The sub-commands of {@code chaos}, in the order its help lists them. */
  private static final List<Class<?>> SUB_COMMANDS =
      List.of(
          RunCommand.class,
          ValidateCommand.class,
          DiscoverCommand.class,
          InitCommand.class,
          InfoCommand.class,
          SettingsCommand.class,
          ProxyCommand.class);

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (2 for usage errors, as the reference). */
  public static int run(String... args) {
    return commandLine(args).execute(args);
  }

  /** The configured command line with every sub-command, for embedding and in-process tests. */
  public static CommandLine commandLine() {
    return configured(new CommandLine(new ChaosCommand()), SUB_COMMANDS);
  }

  /**
   * The command line for these arguments: when they name a sub-command, with that one only. picocli
   * builds the model of every command it is given, which costs ~40 ms at each cold start for the
   * sub-commands not used; a command line that names none (help, a typo) gets all of them, for the
   * help and the suggestions.
   */
  static CommandLine commandLine(String... args) {
    CommandLine root = new CommandLine(new ChaosCommand());
    String named = subCommandName(root, args);
    if (named != null) {
      // the first match only: reading an annotation loads the classes it names (a command
      // group's sub-commands), so the ones after the match are left unread
      for (Class<?> type : SUB_COMMANDS) {
        if (names(type).contains(named)) {
          return configured(root, List.of(type));
        }
      }
    }
    return configured(root, SUB_COMMANDS);
  }

  /**
   * The first argument that is neither an option of {@code chaos} nor the value of one: the
   * sub-command's name when the command line is right, or null when there is none.
   */
  static String subCommandName(CommandLine root, String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return i + 1 < args.length ? args[i + 1] : null;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        return arg;
      }
      OptionSpec option = root.getCommandSpec().findOption(arg);
      if (option != null && option.arity().min() > 0) {
        i++; // its value, which may be spelled like a sub-command (`--log-file-level info`)
      }
    }
    return null;
  }

  /** A sub-command's name and aliases, from its annotation: its model is not built for this. */
  private static List<String> names(Class<?> type) {
    Command command = type.getAnnotation(Command.class);
    List<String> names = new ArrayList<>(List.of(command.aliases()));
    names.add(command.name());
    return names;
  }

  private static CommandLine configured(CommandLine root, List<Class<?>> subCommands) {
    for (Class<?> type : subCommands) {
      root.addSubcommand(type);
    }
    // set once the sub-commands are in: picocli passes these settings down to the sub-commands
    // present at the time of the call only
    root.setCaseInsensitiveEnumValuesAllowed(false);
    // `--log-file-level info` must not take `info` for the sub-command of that name
    root.setAllowSubcommandsAsOptionParameters(true);
    return root;
  }
}
