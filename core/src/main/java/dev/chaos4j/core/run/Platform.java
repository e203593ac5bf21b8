package dev.chaos4j.core.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Facts about the machine that journals and discovery documents record, spelled as Python's {@code
 * platform} module spells them ({@code Darwin}, {@code x86_64}) and read cheaply (no DNS look-up on
 * Linux).
 */
public final class Platform {
  /** The chaostoolkit-lib version whose behaviour and document formats chaos4j follows. */
  public static final String COMPATIBLE_LIB_VERSION = "1.45.0";

  private static final Path LINUX_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private static volatile String node;

  private Platform() {}

  /** Like Python's {@code platform.platform()}: {@code Linux-6.1.0-x86_64-with-java-17.0.15}. */
  public static String description() {
    String system = system(System.getProperty("os.name", ""));
    return system
        + "-"
        + System.getProperty("os.version")
        + "-"
        + machine(system, System.getProperty("os.arch", ""))
        + "-with-java-"
        + System.getProperty("java.version");
  }

  /** Python's {@code platform.system()} for a JVM {@code os.name}. */
  public static String system(String osName) {
    if (osName.startsWith("Mac") || osName.equals("Darwin")) {
      return "Darwin";
    }
    if (osName.startsWith("Windows")) {
      return "Windows";
    }
    return osName;
  }

  /** Python's {@code platform.machine()} for a JVM {@code os.arch} on a system. */
  public static String machine(String system, String arch) {
    String a = arch.toLowerCase(Locale.ROOT);
    if (a.equals("amd64") || a.equals("x86_64")) {
      return system.equals("Windows") ? "AMD64" : "x86_64";
    }
    if (a.equals("aarch64") && system.equals("Darwin")) {
      return "arm64";
    }
    return arch;
  }

  /** The host name, as Python's {@code platform.node()}; read once. */
  public static String node() {
    String n = node;
    if (n == null) {
      n = readNode();
      node = n;
    }
    return n;
  }

  private static String readNode() {
    if (Files.isReadable(LINUX_HOSTNAME)) {
      String name = firstLine(LINUX_HOSTNAME);
      if (!name.isEmpty()) {
        return name;
      }
    }
    for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String name = System.getenv(variable);
      if (name != null && !name.isBlank()) {
        return name.trim();
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "";
    }
  }

  /** The first line of a small system file, trimmed; empty when it cannot be read. */
  public static String firstLine(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return (nl < 0 ? text : text.substring(0, nl)).trim();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
