package dev.chaos4j.core.control;

import dev.chaos4j.core.InvalidControl;
import dev.chaos4j.core.InvalidSource;
import dev.chaos4j.core.loader.DocumentParser;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.value.Py;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The global controls of a command: those of the settings file ({@code controls: {name: {provider:
 * ...}}}) then those of each {@code --control-file}, in that order, loaded before the experiment so
 * that they surround its loading; and the {@link ControlLoader} that finds the experiment's own.
 * Every run applies the global controls first, at every level.
 */
public final class GlobalControls {
  private static final Log LOG = Log.of(GlobalControls.class);

  /** One global control: its declaration (with its name) and its implementation. */
  record Entry(Map<String, Object> declaration, Control control) {}

  private final ControlLoader loader;
  private final List<Entry> entries;

  private GlobalControls(ControlLoader loader, List<Entry> entries) {
    this.loader = loader;
    this.entries = List.copyOf(entries);
  }

  /** No global control; experiment controls are found among the installed Java controls. */
  public static GlobalControls none() {
    return new GlobalControls(ControlLoader.javaOnly(), List.of());
  }

  /** No global control; experiment controls are found by {@code loader}. */
  public static GlobalControls of(ControlLoader loader) {
    return new GlobalControls(loader, List.of());
  }

  /**
   * Loads the global controls. A declaration nothing implements (a Python module neither Java nor
   * Python has, a Java class that cannot be used) is skipped with a warning, as the reference skips
   * modules it cannot import.
   *
   * @param fromSettings the settings file's controls, by name
   * @param controlFiles {@code .json}, {@code .yaml} or {@code .yml} files holding the same mapping
   * @throws InvalidControl when a control file cannot be read or is not such a mapping
   */
  public static GlobalControls load(
      ControlLoader loader,
      Map<String, Map<String, Object>> fromSettings,
      List<Path> controlFiles) {
    List<Entry> entries = new ArrayList<>();
    fromSettings.forEach(
        (name, declaration) -> add(loader, name, declaration, "settings", entries));
    for (Path file : controlFiles) {
      readFile(file).forEach((name, declaration) -> add(loader, name, declaration, file, entries));
    }
    return new GlobalControls(loader, entries);
  }

  /** What finds the experiment's own controls. */
  public ControlLoader loader() {
    return loader;
  }

  /** The declarations of the loaded global controls, in the order they apply. */
  public List<Map<String, Object>> declarations() {
    return entries.stream().map(Entry::declaration).toList();
  }

  List<Entry> entries() {
    return entries;
  }

  /**
   * Loads an experiment between the global controls' {@code before_loading_experiment_control} and
   * {@code after_loading_experiment_control} (whose state is the loaded document).
   *
   * @param source the file or URL, the hooks' context
   * @param settings the settings' content, for hooks that ask for it
   * @throws dev.chaos4j.core.InterruptExecution when a control interrupts the loading
   */
  public Object aroundLoading(
      String source, Map<String, Object> settings, Supplier<Object> loading) {
    if (entries.isEmpty()) {
      return loading.get();
    }
    Object loaded = null;
    try {
      apply(true, source, null, settings);
      loaded = loading.get();
      return loaded;
    } finally {
      apply(false, source, loaded, settings);
    }
  }

  private void apply(boolean before, String source, Object state, Map<String, Object> settings) {
    for (Entry entry : entries) {
      if (!RunControls.inScope(entry.declaration(), before)) {
        continue;
      }
      ControlCall call =
          new ControlCall(
              Py.str(entry.declaration().get("name")),
              Control.Level.LOADER,
              source,
              state,
              RunControls.arguments(entry.declaration(), null, null),
              null,
              null,
              null,
              settings,
              null);
      RunControls.invoke(entry.control(), call, before, null);
    }
  }

  private static void add(
      ControlLoader loader,
      String name,
      Map<String, Object> declaration,
      Object origin,
      List<Entry> entries) {
    Map<String, Object> named = new LinkedHashMap<>(declaration);
    named.put("name", name);
    Optional<Control> control;
    try {
      control = loader.load(named);
    } catch (InvalidControl e) {
      LOG.warning(
          "Global control '" + name + "' from " + origin + " is skipped: " + e.getMessage());
      return;
    }
    if (control.isEmpty()) {
      LOG.warning(
          "Global control '"
              + name
              + "' from "
              + origin
              + " is skipped: "
              + RunControls.unavailable(named));
      return;
    }
    LOG.debug("Loading global control '" + name + "' from " + origin);
    entries.add(new Entry(named, control.get()));
  }

  /**
   * Reads a control file: a mapping of control names to declarations. An empty file declares none.
   *
   * @throws InvalidControl when it cannot be read, parsed, or is not such a mapping
   */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidControl("cannot read control file " + file + ": " + e.getMessage(), e);
    }
    if (text.isBlank()) {
      return Map.of();
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Object document;
    try {
      if (name.endsWith(".json")) {
        document = DocumentParser.json(text, "control file", file.toString());
      } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        document = DocumentParser.yaml(text, "control file", file.toString());
      } else {
        throw new InvalidControl("control file " + file + " must be a .json, .yaml or .yml file");
      }
    } catch (InvalidSource e) {
      throw new InvalidControl(e.getMessage(), e);
    }
    if (document == null) {
      return Map.of();
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new InvalidControl(
          "control file "
              + file
              + " must be a mapping of control names to declarations, not "
              + Py.typeName(document));
    }
    Map<String, Map<String, Object>> controls = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> declaration)) {
        throw new InvalidControl(
            "control '" + e.getKey() + "' of control file " + file + " must be a mapping");
      }
      controls.put(String.valueOf(e.getKey()), (Map<String, Object>) declaration);
    }
    return controls;
  }
}
