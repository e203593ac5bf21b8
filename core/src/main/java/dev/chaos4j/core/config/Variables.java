package dev.chaos4j.core.config;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Json;
import dev.chaos4j.core.value.Py;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The values a user gives on the command line to override the experiment: {@code --var
 * key[:type]=value} and {@code --var-file} files.
 *
 * <p>A {@code .json}, {@code .yaml} or {@code .yml} file holds {@code configuration} and {@code
 * secrets} mappings; any other file is a dotenv file whose {@code KEY=VALUE} lines become
 * environment variables of the run (an overlay, since the JVM cannot change its own environment).
 * Precedence: {@code --var} over later files over earlier files over the experiment.
 */
public final class Variables {
  private static final Log LOG = Log.of(Variables.class);
  private static final Variables NONE = new Variables(Map.of(), Map.of(), Map.of());

  private final Map<String, Object> configuration;
  private final Map<String, Object> secrets;
  private final Map<String, String> environmentOverlay;

  private Variables(
      Map<String, Object> configuration,
      Map<String, Object> secrets,
      Map<String, String> environmentOverlay) {
    this.configuration = Collections.unmodifiableMap(configuration);
    this.secrets = Collections.unmodifiableMap(secrets);
    this.environmentOverlay = Collections.unmodifiableMap(environmentOverlay);
  }

  /** No overrides at all (what {@code chaos validate} uses). */
  public static Variables none() {
    return NONE;
  }

  /**
   * Reads the var files in order, then applies the {@code --var}s on top.
   *
   * @param vars the {@code --var} values, {@code key=value} or {@code key:type=value}
   * @param varFiles the {@code --var-file} paths
   * @throws InvalidVariable on a malformed {@code --var}, a missing or unreadable file, or a file
   *     whose content is not what its extension says
   */
  public static Variables load(List<String> vars, List<Path> varFiles) {
    Map<String, Object> configuration = new LinkedHashMap<>();
    Map<String, Object> secrets = new LinkedHashMap<>();
    Map<String, String> environment = new LinkedHashMap<>();
    for (Path file : varFiles) {
      LOG.debug("Loading var from file '" + file + "'");
      String content = read(file);
      if (content.isBlank()) {
        LOG.debug("Var file '" + file + "' is empty");
      } else if (isStructured(file)) {
        Map<String, Object> data = parseStructured(file, content);
        configuration.putAll(section(file, data, "configuration"));
        secrets.putAll(section(file, data, "secrets"));
      } else {
        environment.putAll(Dotenv.parse(file, content));
      }
    }
    for (String var : vars) {
      Map.Entry<String, Object> entry = parseVar(var);
      LOG.debug("Using configuration variable '" + entry.getKey() + "'");
      configuration.put(entry.getKey(), entry.getValue());
    }
    if (configuration.isEmpty() && secrets.isEmpty() && environment.isEmpty()) {
      return NONE;
    }
    return new Variables(configuration, secrets, environment);
  }

  /**
   * Parses one {@code --var}: {@code key=value} (a string) or {@code key:type=value} with a {@link
   * VarType} name. The value is everything after the first {@code =}; the type is after the last
   * {@code :} of the part before it.
   *
   * @throws InvalidVariable when the format or the type is wrong, or the value does not convert
   */
  public static Map.Entry<String, Object> parseVar(String var) {
    int eq = var.indexOf('=');
    if (eq < 0) {
      throw new InvalidVariable("--var", Py.repr(var) + " is not in the format name[:type]=value");
    }
    String name = var.substring(0, eq);
    String text = var.substring(eq + 1);
    Object value = text;
    int colon = name.lastIndexOf(':');
    if (colon >= 0) {
      String typeName = name.substring(colon + 1);
      name = name.substring(0, colon);
      VarType type;
      try {
        type = VarType.of(typeName);
      } catch (IllegalArgumentException e) {
        throw new InvalidVariable("--var", e.getMessage());
      }
      try {
        value = type.convert(text);
      } catch (IllegalArgumentException e) {
        throw new InvalidVariable("--var", "variable '" + name + "': " + e.getMessage());
      }
    }
    if (name.isEmpty()) {
      throw new InvalidVariable(
          "--var", Py.repr(var) + " has no name: the format is name[:type]=value");
    }
    return Map.entry(name, value);
  }

  /** Configuration overrides: var-file {@code configuration} entries, then the {@code --var}s. */
  public Map<String, Object> configuration() {
    return configuration;
  }

  /** Secret scopes from var files; each replaces the experiment's scope of the same name. */
  public Map<String, Object> secrets() {
    return secrets;
  }

  /** The environment variables read from dotenv var files, later files winning. */
  public Map<String, String> environmentOverlay() {
    return environmentOverlay;
  }

  /**
   * The environment of the run: {@code base} (usually the process environment) with the dotenv
   * variables on top.
   */
  public Map<String, String> environment(Map<String, String> base) {
    if (environmentOverlay.isEmpty()) {
      return base;
    }
    Map<String, String> merged = new HashMap<>(base);
    merged.putAll(environmentOverlay);
    return Collections.unmodifiableMap(merged);
  }

  private static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidVariable("--var-file", "Path '" + file + "' does not exist.");
    }
    try {
      String content =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      return content.startsWith("\uFEFF") ? content.substring(1) : content;
    } catch (CharacterCodingException e) {
      throw new InvalidVariable("--var-file", "Var file '" + file + "' is not UTF-8 text", e);
    } catch (IOException e) {
      throw new InvalidVariable(
          "--var-file", "Cannot read var file '" + file + "': " + e.getMessage(), e);
    }
  }

  private static boolean isStructured(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static Map<String, Object> parseStructured(Path file, String content) {
    Object data;
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      try {
        data = Json.parse(content);
      } catch (Json.SyntaxError e) {
        throw new InvalidVariable(
            "--var-file",
            "Failed to parse variable file '"
                + file
                + "': "
                + e.getMessage()
                + " at line "
                + e.line()
                + " column "
                + e.column(),
            e);
      }
    } else {
      data = parseYaml(file, content);
    }
    if (data == null) {
      return Map.of();
    }
    if (!(data instanceof Map<?, ?>)) {
      throw new InvalidVariable(
          "--var-file",
          "Variable file '"
              + file
              + "' must hold a mapping with `configuration` and/or `secrets`, not a "
              + Py.typeName(data));
    }
    return Json.deepCopy(castMap(data));
  }

  private static Object parseYaml(Path file, String content) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      String where =
          mark == null
              ? ""
              : " at line " + (mark.getLine() + 1) + " column " + (mark.getColumn() + 1);
      throw new InvalidVariable(
          "--var-file",
          "Failed to parse variable file '" + file + "': " + e.getProblem() + where,
          e);
    } catch (YAMLException e) {
      throw new InvalidVariable(
          "--var-file", "Failed to parse variable file '" + file + "': " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> section(Path file, Map<String, Object> data, String name) {
    Object section = data.get(name);
    if (section == null) {
      return Map.of();
    }
    if (!(section instanceof Map<?, ?>)) {
      throw new InvalidVariable(
          "--var-file",
          "`"
              + name
              + "` in variable file '"
              + file
              + "' must be a mapping, not a "
              + Py.typeName(section));
    }
    return castMap(section);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object map) {
    return (Map<String, Object>) map;
  }
}
