package dev.chaos4j.core.loader;

import dev.chaos4j.core.InvalidSource;
import dev.chaos4j.core.value.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses experiment documents (JSON or YAML) into plain JSON values.
 *
 * <p>YAML is read with safe construction only, as Python's {@code yaml.safe_load}: language tags
 * such as {@code !!python/object} are refused. YAML-only values are turned into their JSON
 * equivalents (timestamps to ISO strings, sets to lists, binary to Base64 text).
 */
public final class DocumentParser {
  private DocumentParser() {}

  /** Parses JSON; a syntax error says where (line, column) in one line. */
  public static Object json(String text, String where) {
    return json(text, "experiment", where);
  }

  /**
   * Parses JSON; a syntax error says what and where in one line.
   *
   * @param what what the document is, for the message ("experiment", "control file")
   */
  public static Object json(String text, String what, String where) {
    try {
      return Json.parse(text);
    } catch (Json.SyntaxError e) {
      throw new InvalidSource(
          "Failed parsing JSON "
              + what
              + " "
              + where
              + ": "
              + e.getMessage()
              + " at line "
              + e.line()
              + " column "
              + e.column());
    }
  }

  /** Parses YAML safely; errors keep the reference's prefix and say where. */
  public static Object yaml(String text, String where) {
    return yaml(text, "experiment", where);
  }

  /**
   * Parses YAML safely; errors say what and where in one line.
   *
   * @param what what the document is, for the message ("experiment", "control file")
   */
  public static Object yaml(String text, String what, String where) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setCodePointLimit(64 * 1024 * 1024);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      return normalize(yaml.load(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String at =
          mark == null
              ? ""
              : " at line " + (mark.getLine() + 1) + " column " + (mark.getColumn() + 1);
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      throw new InvalidSource(
          "Failed parsing YAML " + what + " " + where + ": " + context + oneLine(problem) + at);
    } catch (YAMLException e) {
      throw new InvalidSource(
          "Failed parsing YAML " + what + " " + where + ": " + oneLine(e.getMessage()));
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  /** Converts what SnakeYAML builds into the JSON value types the engine uses. */
  static Object normalize(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(keyText(e.getKey()), normalize(e.getValue()));
      }
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object o : c) {
        out.add(normalize(o));
      }
      return out;
    }
    if (value instanceof Date d) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.toInstant().atOffset(ZoneOffset.UTC));
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    return value;
  }

  private static String keyText(Object key) {
    if (key == null) {
      return "null";
    }
    if (key instanceof Boolean b) {
      return b ? "true" : "false";
    }
    return key instanceof String s ? s : String.valueOf(normalize(key));
  }
}
