package dev.chaos4j.core.discovery;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.run.Platform;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Argument;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.SystemDiscovery;
import dev.chaos4j.core.value.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference's discovery document: which activity functions extensions offer, with their
 * arguments, on which platform, and optionally a description of the target system. Keys, their
 * order and the shapes of values are the reference's, so tools reading its documents read ours.
 */
public final class Discovery {
  /** The chaostoolkit-lib version whose document this is (the CLI's compatible lib version). */
  public static final String CHAOSLIB_VERSION = Platform.COMPATIBLE_LIB_VERSION;

  private static final Log LOG = Log.of(Discovery.class);
  private static final String REFERENCE_PREFIX = "chaostoolkit-";
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private Discovery() {}

  /**
   * The document of one extension; its target is the extension's name without the {@code
   * chaostoolkit-} prefix (e.g. {@code kubernetes}), as the reference's extensions name it.
   *
   * @param withSystem whether to ask the extension to describe its target system
   */
  public static Map<String, Object> of(Extension extension, boolean withSystem) {
    return document(
        target(extension.name()),
        extension.name(),
        extension.version(),
        activities(extension),
        withSystem ? system(extension) : null);
  }

  /**
   * One document covering several extensions, under one name used as both target and extension name
   * (the CLI uses {@code chaos4j} and its own version).
   *
   * @param extensions in the order their activities are listed
   * @param withSystem whether to ask each extension to describe its system; the {@code system}
   *     entry then maps extension names to their answers (null when none answered)
   */
  public static Map<String, Object> ofAll(
      String name, String version, List<Extension> extensions, boolean withSystem) {
    List<Object> activities = new ArrayList<>();
    Map<String, Object> systems = new LinkedHashMap<>();
    for (Extension extension : extensions) {
      activities.addAll(activities(extension));
      Object system = withSystem ? system(extension) : null;
      if (system != null) {
        systems.put(extension.name(), system);
      }
    }
    return document(name, name, version, activities, systems.isEmpty() ? null : systems);
  }

  /** The discovery target named by an extension: {@code chaostoolkit-aws} targets {@code aws}. */
  public static String target(String extensionName) {
    return extensionName.startsWith(REFERENCE_PREFIX)
            && extensionName.length() > REFERENCE_PREFIX.length()
        ? extensionName.substring(REFERENCE_PREFIX.length())
        : extensionName;
  }

  private static Map<String, Object> document(
      String target, String name, String version, List<Object> activities, Object system) {
    Map<String, Object> extension = new LinkedHashMap<>();
    extension.put("name", name);
    extension.put("version", version);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("chaoslib_version", CHAOSLIB_VERSION);
    doc.put("id", UUID.randomUUID().toString());
    doc.put("target", target);
    doc.put("date", isoDate(Instant.now()));
    doc.put("platform", PlatformInfo.describe());
    doc.put("extension", extension);
    doc.put("activities", activities);
    doc.put("system", system);
    return doc;
  }

  /**
   * Python's {@code datetime.now(timezone.utc).isoformat()}: microseconds, omitted when zero, and
   * an explicit {@code +00:00}.
   */
  static String isoDate(Instant instant) {
    var utc = instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    return (utc.getNano() == 0 ? SECONDS : MICROS).format(utc) + "+00:00";
  }

  /**
   * The extension's functions in the reference's order: modules as the extension lists them (first
   * appearance), functions alphabetically within a module, as Python's {@code inspect.getmembers}
   * returns them.
   */
  static List<Object> activities(Extension extension) {
    Map<String, List<ActivityFunction>> byModule = new LinkedHashMap<>();
    for (ActivityFunction function : extension.functions()) {
      byModule.computeIfAbsent(function.module(), m -> new ArrayList<>()).add(function);
    }
    List<Object> activities = new ArrayList<>();
    for (List<ActivityFunction> functions : byModule.values()) {
      functions.stream()
          .sorted(Comparator.comparing(ActivityFunction::name))
          .map(Discovery::activity)
          .forEach(activities::add);
    }
    return activities;
  }

  /** {@code {type, name, mod, doc, arguments, return_type?}}. */
  static Map<String, Object> activity(ActivityFunction function) {
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", function.type().label());
    activity.put("name", function.name());
    activity.put("mod", function.module());
    activity.put("doc", function.doc());
    List<Object> arguments = new ArrayList<>();
    for (Argument argument : function.arguments()) {
      arguments.add(argument(argument));
    }
    activity.put("arguments", arguments);
    if (function.returnType() != null) {
      activity.put("return_type", function.returnType());
    }
    return activity;
  }

  /** {@code {name, default?, type?}}: a required argument has no {@code default} key. */
  private static Map<String, Object> argument(Argument argument) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("name", argument.name());
    if (!argument.required()) {
      described.put("default", Json.deepCopy(argument.defaultValue()));
    }
    if (argument.type() != null) {
      described.put("type", argument.type());
    }
    return described;
  }

  private static Object system(Extension extension) {
    if (!(extension instanceof SystemDiscovery discovery)) {
      return null;
    }
    try {
      return discovery.discoverSystem();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warning("system discovery of " + extension.name() + " was interrupted");
      return null;
    } catch (Exception e) {
      // A document without the system entry is still useful to build experiments from.
      LOG.warning(
          "could not describe the system of "
              + extension.name()
              + ": "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage());
      return null;
    }
  }
}
