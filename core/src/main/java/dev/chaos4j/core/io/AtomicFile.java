package dev.chaos4j.core.io;

import dev.chaos4j.core.ChaosException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file's content all at once: a temporary sibling is written, synced, then renamed over
 * the target. Readers see the old content or the new one, never half of it, whatever stops chaos4j
 * meanwhile. An existing file keeps its permissions; a symbolic link stays a link (its target is
 * replaced); missing parent directories are created.
 */
public final class AtomicFile {
  private static final Set<PosixFilePermission> SHARED =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFile() {}

  /**
   * Writes UTF-8 text; a new file is readable by others (journals, discovery documents).
   *
   * @param what what the file is, for the error message (e.g. {@code journal})
   * @throws ChaosException saying which file could not be written and why
   */
  public static void write(Path target, String text, String what) {
    write(target, text.getBytes(StandardCharsets.UTF_8), what, false);
  }

  /** Writes bytes; a new file is readable by its owner only (it may hold credentials). */
  public static void writePrivate(Path target, byte[] content, String what) {
    write(target, content, what, true);
  }

  private static void write(Path path, byte[] content, String what, boolean ownerOnly) {
    Path tmp = null;
    try {
      Path target = followLinks(path).toAbsolutePath();
      if (Files.isDirectory(target)) {
        throw new ChaosException("cannot write " + what + " " + path + ": it is a directory");
      }
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Set<PosixFilePermission> permissions = existingPermissions(target);
      // createTempFile makes the file owner-only on POSIX systems
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (permissions == null && !ownerOnly) {
        permissions = SHARED;
      }
      if (permissions != null && posix(tmp)) {
        Files.setPosixFilePermissions(tmp, permissions);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      String reason =
          e instanceof AccessDeniedException
              ? "permission denied"
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      throw new ChaosException("cannot write " + what + " " + path + ": " + reason, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original failure is what the user needs to see
        }
      }
    }
  }

  private static boolean posix(Path file) {
    return Files.getFileAttributeView(file, PosixFileAttributeView.class) != null;
  }

  private static Path followLinks(Path path) throws IOException {
    Path current = path;
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(current); hops++) {
      current = current.resolveSibling(Files.readSymbolicLink(current));
    }
    return current;
  }

  private static Set<PosixFilePermission> existingPermissions(Path file) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return view.readAttributes().permissions();
  }
}
