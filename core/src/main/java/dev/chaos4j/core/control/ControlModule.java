package dev.chaos4j.core.control;

/**
 * Registers a Java control under the reference's Python module name, through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.chaos4j.core.control.ControlModule}), so
 * that {@code {"type": "python", "module": M}} declarations run it natively.
 */
public interface ControlModule {

  /** The Python module name this control stands for, e.g. {@code chaosaddons.controls.repeat}. */
  String module();

  /** A new instance, for one run. */
  Control create();
}
