package dev.chaos4j.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Facts about the machine that journals record, read cheaply (no DNS look-up). */
public final class Platform {
  /** The chaostoolkit-lib version whose behaviour and journal format chaos4j follows. */
  public static final String COMPATIBLE_LIB_VERSION = "1.45.0";

  private static volatile String node;

  private Platform() {}

  /** Like Python's {@code platform.platform()}: {@code Linux-6.1.0-x86_64-with-java-17.0.15}. */
  public static String description() {
    return System.getProperty("os.name")
        + "-"
        + System.getProperty("os.version")
        + "-"
        + machine()
        + "-with-java-"
        + System.getProperty("java.version");
  }

  /** The machine architecture with Python's names ({@code x86_64} rather than {@code amd64}). */
  public static String machine() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> arch;
    };
  }

  /** The host name, as Python's {@code platform.node()}. */
  public static String node() {
    String n = node;
    if (n == null) {
      n = readNode();
      node = n;
    }
    return n;
  }

  private static String readNode() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        return Files.readString(kernel).trim();
      }
    } catch (IOException | RuntimeException e) {
      // fall back below
    }
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
