package dev.chaos4j.core.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Replaces a file's content all at once: a temporary sibling is written, synced, then renamed. */
final class AtomicFile {
  private AtomicFile() {}

  static void write(Path path, byte[] content) throws IOException {
    // a symbolic link (dotfiles kept in a repository) stays a link: its target is replaced
    Path target = followLinks(path).toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Set<PosixFilePermission> permissions = existingPermissions(target);
    // createTempFile makes it owner-only on POSIX, the right default for credentials
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (permissions != null) {
        Files.setPosixFilePermissions(tmp, permissions);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
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
