package dev.chaos4j.core.settings;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.io.AtomicFile;
import dev.chaos4j.core.value.Py;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's settings: the whole YAML document as plain values, plus typed views of the entries the
 * engine reads. A missing file is empty settings. Malformed entries are reported when their view is
 * asked for, so a broken {@code notifications} list never stops {@code chaos settings show}.
 */
public final class Settings {
  private final Map<String, Object> document;
  private final String origin;

  private Settings(Map<String, Object> document, String origin) {
    this.document = document;
    this.origin = origin;
  }

  /** The reference's default location, {@code ~/.chaostoolkit/settings.yaml}. */
  public static Path defaultPath() {
    return Paths.get(System.getProperty("user.home"), ".chaostoolkit", "settings.yaml");
  }

  /**
   * Loads a settings file; a file that does not exist gives empty settings.
   *
   * @throws InvalidSettings when the file cannot be read, is not YAML, or holds no mapping
   */
  public static Settings load(Path path) {
    String text;
    try {
      text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Settings(new LinkedHashMap<>(), path.toString());
    } catch (IOException e) {
      if (Files.isDirectory(path)) {
        throw new InvalidSettings("Settings file '" + path + "' is a directory", e);
      }
      throw new InvalidSettings("Cannot read settings file '" + path + "': " + e, e);
    }
    return new Settings(SettingsYaml.parseMapping(text, path.toString()), path.toString());
  }

  /** No settings at all. */
  public static Settings empty() {
    return new Settings(new LinkedHashMap<>(), "<none>");
  }

  /**
   * Settings given as a document (plain values, as {@code Json.parse} returns them); not copied.
   */
  public static Settings of(Map<String, Object> document) {
    return new Settings(Objects.requireNonNull(document, "document"), "<memory>");
  }

  /**
   * The whole document, live: changes made to it are what {@link #save(Path)} writes, and what
   * controls declaring a {@code settings} argument receive.
   */
  public Map<String, Object> raw() {
    return document;
  }

  /** Whether the document has no entry at all. */
  public boolean isEmpty() {
    return document.isEmpty();
  }

  /**
   * The {@code auths} entry: credentials by {@code host[:port]}, in file order.
   *
   * @throws InvalidSettings when {@code auths} or one of its entries is malformed
   */
  public Map<String, Auth> auths() {
    Map<String, Auth> auths = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : section("auths").entrySet()) {
      auths.put(e.getKey(), auth(e.getKey(), e.getValue()));
    }
    return Collections.unmodifiableMap(auths);
  }

  /**
   * The credentials for one {@code host[:port]}, written exactly as the URL's authority (the
   * reference compares them as strings). Other hosts' entries are not checked.
   *
   * @throws InvalidSettings when {@code auths} or this host's entry is malformed
   */
  public Optional<Auth> authFor(String hostAndPort) {
    Map<String, Object> auths = section("auths");
    return auths.containsKey(hostAndPort)
        ? Optional.of(auth(hostAndPort, auths.get(hostAndPort)))
        : Optional.empty();
  }

  /**
   * The {@code controls} entry: global controls by name, each the declaration as written (a mapping
   * with at least a {@code provider}); the engine runs them before any experiment control.
   *
   * @throws InvalidSettings when {@code controls} or one of its declarations is not a mapping
   */
  public Map<String, Map<String, Object>> controls() {
    Map<String, Map<String, Object>> controls = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : section("controls").entrySet()) {
      controls.put(e.getKey(), mapping(e.getValue(), "controls." + e.getKey()));
    }
    return Collections.unmodifiableMap(controls);
  }

  /**
   * The {@code notifications} entry: the channels, each the mapping as written ({@code type},
   * {@code url} or {@code module}, {@code events}, ...).
   *
   * @throws InvalidSettings when {@code notifications} or one of its channels is malformed
   */
  public List<Map<String, Object>> notifications() {
    Object value = document.get("notifications");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw malformed("notifications", "a list of channels", value);
    }
    List<Map<String, Object>> channels = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      channels.add(mapping(list.get(i), "notifications[" + i + "]"));
    }
    return Collections.unmodifiableList(channels);
  }

  /**
   * The {@code runtime} entry's strategies.
   *
   * @throws InvalidSettings when {@code runtime} or one of its blocks is not a mapping
   */
  public RuntimeSettings runtime() {
    Map<String, Object> runtime = section("runtime");
    return new RuntimeSettings(strategy(runtime, "hypothesis"), strategy(runtime, "rollbacks"));
  }

  /**
   * Writes the document to a file as YAML, atomically: the file is either the old one or the new
   * one, never half-written. Missing parent directories are created; an existing file keeps its
   * permissions, a new one is readable by its owner only (settings hold credentials).
   *
   * @throws InvalidSettings when the file cannot be written
   */
  public void save(Path path) {
    try {
      AtomicFile.writePrivate(
          path, SettingsYaml.dump(document).getBytes(StandardCharsets.UTF_8), "settings file");
    } catch (ChaosException e) {
      throw new InvalidSettings(e.getMessage(), e.getCause());
    }
  }

  private String strategy(Map<String, Object> runtime, String block) {
    Object value = runtime.get(block);
    if (value == null) {
      return null;
    }
    Object strategy = mapping(value, "runtime." + block).get("strategy");
    return strategy == null ? null : Py.str(strategy);
  }

  private Auth auth(String host, Object entry) {
    String where = "auths." + host;
    Map<String, Object> map = mapping(entry, where);
    Object type = map.get("type");
    Object value = map.get("value");
    if (type == null || value == null) {
      throw new InvalidSettings(
          "Settings file '"
              + origin
              + "': '"
              + where
              + "' needs both a 'type' and a 'value' (e.g. type: bearer, value: <token>)");
    }
    return new Auth(Py.str(type), Py.str(value));
  }

  /** A top-level mapping entry; absent or null is empty. */
  private Map<String, Object> section(String key) {
    Object value = document.get(key);
    return value == null ? Map.of() : mapping(value, key);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mapping(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw malformed(where, "a mapping", value);
  }

  private InvalidSettings malformed(String where, String expected, Object actual) {
    return new InvalidSettings(
        "Settings file '"
            + origin
            + "': '"
            + where
            + "' must be "
            + expected
            + ", not "
            + (actual == null ? "null" : "a " + Py.typeName(actual)));
  }
}
