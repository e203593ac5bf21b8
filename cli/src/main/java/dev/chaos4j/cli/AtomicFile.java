package dev.chaos4j.cli;

import dev.chaos4j.core.ChaosException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file all at once: readers see the old content or the new one, never half of it, even if
 * chaos4j dies while writing (temporary file in the same directory, flushed, then renamed).
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Replaces {@code target}'s content with {@code text} (UTF-8).
   *
   * @param what what the file is, for the error message (e.g. {@code discovery file})
   * @throws ChaosException when the file cannot be written, saying where and why
   */
  public static void write(Path target, String text, String what) {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    if (Files.isDirectory(file)) {
      throw new ChaosException("cannot write " + what + " " + target + ": it is a directory");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new ChaosException(
          "cannot write " + what + " " + target + ": directory " + dir + " does not exist");
    }
    Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // The original failure is what the user needs to see.
      }
      String reason =
          e instanceof AccessDeniedException
              ? "permission denied"
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      throw new ChaosException("cannot write " + what + " " + target + ": " + reason, e);
    }
  }
}
