package dev.chaos4j.core.settings;

import dev.chaos4j.core.ChaosException;

/** A dotted settings key names no entry of the settings. */
public class MissingSettingsEntry extends ChaosException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public MissingSettingsEntry(String key) {
    super("no settings entry at key '" + key + "'");
    this.key = key;
  }

  /** The key as the user gave it. */
  public String key() {
    return key;
  }
}
