package dev.chaos4j.cli.init;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the activities of a discovery document written by {@code chaos discover}. */
public final class DiscoveryFile {
  private DiscoveryFile() {}

  /**
   * The document's activities, in its order.
   *
   * @throws ChaosException when the file is missing, is not JSON, is not a discovery document or
   *     lists no activity; the message names the file and what is wrong
   */
  public static List<DiscoveredActivity> read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ChaosException(
          "discovery file " + path + " does not exist: run chaos discover first");
    } catch (IOException e) {
      throw new ChaosException("cannot read discovery file " + path + ": " + e.getMessage(), e);
    }
    Object document;
    try {
      document = Json.parse(text);
    } catch (Json.SyntaxError e) {
      throw new ChaosException(
          "discovery file "
              + path
              + " is not valid JSON: "
              + e.getMessage()
              + " (line "
              + e.line()
              + ", column "
              + e.column()
              + ")");
    }
    if (!(document instanceof Map<?, ?> map) || !(map.get("activities") instanceof List<?> list)) {
      throw new ChaosException(
          "discovery file " + path + " has no 'activities' list: is it from chaos discover?");
    }
    List<DiscoveredActivity> activities = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      activities.add(activity(list.get(i), path, i + 1));
    }
    if (activities.isEmpty()) {
      throw new ChaosException(
          "discovery file "
              + path
              + " lists no activity: discover an extension that provides some");
    }
    return activities;
  }

  private static DiscoveredActivity activity(Object entry, Path path, int position) {
    String where = "discovery file " + path + ", activity " + position + ": ";
    if (!(entry instanceof Map<?, ?> map)) {
      throw new ChaosException(where + "not a JSON object");
    }
    Object type = map.get("type");
    if (!"probe".equals(type) && !"action".equals(type)) {
      throw new ChaosException(where + "'type' must be probe or action");
    }
    String name = text(map, "name", where);
    String module = text(map, "mod", where);
    String doc = map.get("doc") instanceof String s ? s : "";
    List<DiscoveredActivity.Parameter> parameters = new ArrayList<>();
    Object arguments = map.get("arguments");
    if (arguments != null && !(arguments instanceof List<?>)) {
      throw new ChaosException(where + "'arguments' must be a list");
    }
    if (arguments instanceof List<?> args) {
      for (Object arg : args) {
        if (!(arg instanceof Map<?, ?> a) || !(a.get("name") instanceof String argName)) {
          throw new ChaosException(where + "every argument needs a 'name'");
        }
        String argType = a.get("type") instanceof String s ? s : null;
        parameters.add(
            new DiscoveredActivity.Parameter(
                argName, argType, !a.containsKey("default"), a.get("default")));
      }
    }
    return new DiscoveredActivity((String) type, name, module, doc, List.copyOf(parameters));
  }

  private static String text(Map<?, ?> map, String key, String where) {
    if (map.get(key) instanceof String s && !s.isEmpty()) {
      return s;
    }
    throw new ChaosException(where + "'" + key + "' must be a non-empty string");
  }
}
