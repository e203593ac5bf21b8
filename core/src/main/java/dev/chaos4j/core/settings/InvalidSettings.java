package dev.chaos4j.core.settings;

import dev.chaos4j.core.ChaosException;

/**
 * The settings file cannot be read, is not valid YAML, or an entry the engine reads is malformed.
 */
public class InvalidSettings extends ChaosException {
  private static final long serialVersionUID = 1L;

  public InvalidSettings(String message) {
    super(message);
  }

  public InvalidSettings(String message, Throwable cause) {
    super(message, cause);
  }
}
