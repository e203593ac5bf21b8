package dev.chaos4j.core.provider.process;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.value.Py;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a process activity's {@code arguments} into the command line to start, as the reference
 * does: a list gives one argument per item (formatted with Python's {@code str()}, null and empty
 * items left out); a mapping (deprecated) gives its keys and values in turn; a string is appended
 * to the program's path and run by {@code /bin/sh}, so quotes, pipes and variables work.
 */
final class ProcessArguments {
  private static final String SHELL = "/bin/sh";

  /** Paths that mean the same to the shell whether quoted or not. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./+:@%,=-]+");

  private ProcessArguments() {}

  /**
   * The command to start.
   *
   * @param program the resolved program
   * @param arguments the (substituted) {@code arguments} value; null for none
   * @throws ChaosException when {@code arguments} is of another type
   */
  static List<String> command(Path program, Object arguments) {
    String path = program.toString();
    if (arguments instanceof String line) {
      if (line.isBlank()) {
        return List.of(path);
      }
      return List.of(SHELL, "-c", shellWord(path) + " " + line);
    }
    List<String> command = new ArrayList<>();
    command.add(path);
    if (arguments instanceof List<?> list) {
      list.forEach(item -> add(command, item));
    } else if (arguments instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            add(command, key);
            add(command, value);
          });
    } else if (arguments != null) {
      throw new ChaosException(
          "process arguments must be a list, a mapping or a string, got "
              + Py.typeName(arguments)
              + ": "
              + Py.repr(arguments));
    }
    return command;
  }

  private static void add(List<String> command, Object item) {
    if (item != null && !"".equals(item)) {
      command.add(Py.str(item));
    }
  }

  /** The path as one shell word; the reference pastes it unquoted, which breaks on spaces. */
  private static String shellWord(String path) {
    if (SHELL_SAFE.matcher(path).matches()) {
      return path;
    }
    return "'" + path.replace("'", "'\\''") + "'";
  }
}
