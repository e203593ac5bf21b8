package dev.chaos4j.core.journal;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.value.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a journal (or any JSON document) atomically: to a temporary file beside the target,
 * flushed to disk, then renamed over it. A reader never sees a half-written journal, whatever
 * interrupts the run.
 */
public final class JournalWriter {
  private JournalWriter() {}

  /** Writes the value as Python-style indented JSON to {@code target}, atomically. */
  public static void write(Path target, Object value) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = null;
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
      ByteBuffer bytes = ByteBuffer.wrap(Json.pretty(value).getBytes(StandardCharsets.UTF_8));
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new ChaosException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is hidden and harmless; the error above is what matters
        }
      }
    }
  }
}
