package dev.chaos4j.core.provider.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes small executable shell scripts for tests. */
final class Scripts {
  private Scripts() {}

  /** An executable {@code /bin/sh} script with the given body, its directories created. */
  static Path write(Path file, String body) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
