package dev.chaos4j.core.journal;

import dev.chaos4j.core.io.AtomicFile;
import dev.chaos4j.core.value.Json;
import java.nio.file.Path;

/**
 * Writes a journal atomically, as Python-style indented JSON: a reader never sees a half-written
 * journal, whatever interrupts the run.
 */
public final class JournalWriter {
  private JournalWriter() {}

  /** Writes the journal to {@code target}. */
  public static void write(Path target, Object journal) {
    AtomicFile.write(target, Json.pretty(journal), "journal");
  }
}
