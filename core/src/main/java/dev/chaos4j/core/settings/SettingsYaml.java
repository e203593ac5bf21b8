package dev.chaos4j.core.settings;

import dev.chaos4j.core.value.Py;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as the settings file needs it: safe loading into plain values (string-keyed {@link
 * LinkedHashMap}s, {@link ArrayList}s, strings, numbers, booleans, null) and output that reads like
 * PyYAML's {@code yaml.dump(value, indent=2)}: block style, sorted keys, non-ASCII escaped.
 */
public final class SettingsYaml {
  private SettingsYaml() {}

  /**
   * Parses one YAML document holding a mapping (or nothing).
   *
   * @param text the document
   * @param origin what to name in error messages, e.g. the file path
   * @return the mapping, empty for an empty document
   * @throws InvalidSettings when the text is not YAML or its top level is not a mapping
   */
  static Map<String, Object> parseMapping(String text, String origin) {
    Object document;
    try {
      document = yaml(new TimestampsAsStrings()).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      String where =
          mark == null
              ? ""
              : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      throw new InvalidSettings(
          "Failed parsing YAML settings file '" + origin + "'" + where + ": " + problem, e);
    } catch (YAMLException e) {
      throw new InvalidSettings(
          "Failed parsing YAML settings file '" + origin + "': " + firstLine(e.getMessage()), e);
    }
    if (document == null) {
      return new LinkedHashMap<>();
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new InvalidSettings(
          "Settings file '"
              + origin
              + "' must hold a mapping at its top level, not a "
              + Py.typeName(document));
    }
    return normalizeMap(map);
  }

  /**
   * Writes a value as PyYAML's {@code yaml.dump(value, indent=2)} does: block style, keys sorted,
   * sequences not indented under their key, non-ASCII characters escaped, and a plain scalar at the
   * top followed by the {@code ...} document end marker.
   */
  public static String dump(Object value) {
    String text = yaml(new Resolver()).dump(sortedKeys(value));
    boolean collection = value instanceof Map<?, ?> || value instanceof Collection<?>;
    if (!collection && isPlainScalar(text)) {
      text += "...\n";
    }
    return text;
  }

  private static Yaml yaml(Resolver resolver) {
    LoaderOptions loading = new LoaderOptions();
    DumperOptions dumping = new DumperOptions();
    dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dumping.setIndent(2);
    dumping.setAllowUnicode(false);
    dumping.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
    return new Yaml(
        new SafeConstructor(loading), new PythonFloats(dumping), dumping, loading, resolver);
  }

  /**
   * Floats written as PyYAML writes them ({@code 1.0e+20}, {@code .nan}): SnakeYAML's {@code
   * 1.0E20} has no exponent sign, which PyYAML would read back as a string.
   */
  private static final class PythonFloats extends Representer {
    PythonFloats(DumperOptions options) {
      super(options);
      Represent floats =
          data -> representScalar(Tag.FLOAT, pythonFloat(((Number) data).doubleValue()));
      this.representers.put(Double.class, floats);
      this.representers.put(Float.class, floats);
    }

    private static String pythonFloat(double d) {
      if (Double.isNaN(d)) {
        return ".nan";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? ".inf" : "-.inf";
      }
      String repr = Py.floatRepr(d);
      return repr.indexOf('.') < 0 ? repr.replaceFirst("e", ".0e") : repr;
    }
  }

  /**
   * YAML 1.1 resolution without timestamps, for reading: a date such as {@code 2024-05-01} stays
   * the string it was written as, plain values having no date type. Writing uses the full
   * resolution, so such a string is quoted and every YAML 1.1 reader, PyYAML included, reads it
   * back as a string.
   */
  private static final class TimestampsAsStrings extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      Tag tag = super.resolve(kind, value, implicit);
      return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
    }
  }

  private static Map<String, Object> normalizeMap(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      result.put(keyString(e.getKey()), normalize(e.getValue()));
    }
    return result;
  }

  private static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      return normalizeMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      for (Object o : list) {
        result.add(normalize(o));
      }
      return result;
    }
    return value;
  }

  /** A non-string key as JSON would name it ({@code 1}, {@code true}, {@code null}). */
  private static String keyString(Object key) {
    if (key instanceof String s) {
      return s;
    }
    if (key == null || key instanceof Boolean) {
      return String.valueOf(key);
    }
    return Py.str(key);
  }

  private static Object sortedKeys(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
      Map<Object, Object> sorted = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      for (Map.Entry<?, ?> e : entries) {
        sorted.put(e.getKey(), sortedKeys(e.getValue()));
      }
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      for (Object o : list) {
        result.add(sortedKeys(o));
      }
      return result;
    }
    return value;
  }

  private static boolean isPlainScalar(String text) {
    if (text.isEmpty()) {
      return false;
    }
    return "'\"|>!&*".indexOf(text.charAt(0)) < 0;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
