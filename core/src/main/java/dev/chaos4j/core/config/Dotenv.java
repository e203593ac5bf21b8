package dev.chaos4j.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a dotenv var file: {@code KEY=VALUE} lines; blank lines and lines starting with {@code #}
 * are skipped; an {@code export } prefix is tolerated; a value wrapped in single quotes is taken
 * literally, one wrapped in double quotes has {@code \n}, {@code \t}, {@code \r}, {@code \"} and
 * {@code \\} unescaped; anything else is kept as written (a {@code #} inside a value is part of
 * it).
 */
final class Dotenv {
  private Dotenv() {}

  /**
   * The variables of a dotenv file, in file order (a key given twice keeps its last value).
   *
   * @throws InvalidVariable naming the file and line of a line that is not {@code KEY=VALUE}
   */
  static Map<String, String> parse(Path file, String content) {
    Map<String, String> variables = new LinkedHashMap<>();
    String[] lines = content.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ") || line.startsWith("export\t")) {
        line = line.substring("export".length()).strip();
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (key.isEmpty()) {
        throw new InvalidVariable(
            "--var-file",
            "Var file '" + file + "', line " + (i + 1) + ": expected KEY=VALUE, got: " + line);
      }
      variables.put(key, value(line.substring(eq + 1).strip()));
    }
    return variables;
  }

  private static String value(String raw) {
    if (raw.length() >= 2) {
      char first = raw.charAt(0);
      char last = raw.charAt(raw.length() - 1);
      if (first == '\'' && last == '\'') {
        return raw.substring(1, raw.length() - 1);
      }
      if (first == '"' && last == '"') {
        return unescape(raw.substring(1, raw.length() - 1));
      }
    }
    return raw;
  }

  private static String unescape(String quoted) {
    StringBuilder out = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length()) {
        char next = quoted.charAt(i + 1);
        String replacement =
            switch (next) {
              case 'n' -> "\n";
              case 't' -> "\t";
              case 'r' -> "\r";
              case '"' -> "\"";
              case '\\' -> "\\";
              default -> null;
            };
        if (replacement != null) {
          out.append(replacement);
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
