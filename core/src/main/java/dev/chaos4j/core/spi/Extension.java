package dev.chaos4j.core.spi;

import java.util.List;

/**
 * A set of activity functions shipped together, found with {@link java.util.ServiceLoader}: list
 * the implementation in {@code META-INF/services/dev.chaos4j.core.spi.Extension}.
 */
public interface Extension {

  /** The distribution name shown by discovery, e.g. {@code chaostoolkit-kubernetes}. */
  String name();

  /**
   * The extension's version: by default its jar's {@code Implementation-Version} (the runnable jar
   * carries chaos4j's), or {@code development} when run from classes.
   */
  default String version() {
    String version = getClass().getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** Every function it provides. */
  List<ActivityFunction> functions();
}
