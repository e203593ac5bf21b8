package dev.chaos4j.core.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code platform} entry of a discovery document, spelled as Python's {@code platform.uname()}
 * spells it so that documents from both tools compare: {@code Darwin} rather than {@code Mac OS X},
 * {@code x86_64} rather than {@code amd64}.
 */
final class PlatformInfo {
  private static final Path LINUX_HOSTNAME = Path.of("/proc/sys/kernel/hostname");
  private static final Path LINUX_KERNEL_VERSION = Path.of("/proc/sys/kernel/version");

  private PlatformInfo() {}

  /** {@code {system, node, release, version, machine, proc, python}} of this machine. */
  static Map<String, Object> describe() {
    String osName = System.getProperty("os.name", "");
    String system = system(osName);
    Map<String, Object> platform = new LinkedHashMap<>();
    platform.put("system", system);
    platform.put("node", node(system));
    platform.put("release", System.getProperty("os.version", ""));
    platform.put("version", system.equals("Linux") ? firstLine(LINUX_KERNEL_VERSION) : "");
    platform.put("machine", machine(system, System.getProperty("os.arch", "")));
    // Python's platform.processor() is empty on most Linux systems and guessed elsewhere; the JVM
    // has nothing better to offer, so the empty string is the honest answer.
    platform.put("proc", "");
    // No Python interpreter takes part in a Java discovery: finding one would cost a process
    // start for a value nobody reads back.
    platform.put("python", null);
    return platform;
  }

  static String system(String osName) {
    if (osName.startsWith("Mac") || osName.equals("Darwin")) {
      return "Darwin";
    }
    if (osName.startsWith("Windows")) {
      return "Windows";
    }
    return osName;
  }

  static String machine(String system, String arch) {
    String a = arch.toLowerCase(Locale.ROOT);
    if (a.equals("amd64") || a.equals("x86_64")) {
      return system.equals("Windows") ? "AMD64" : "x86_64";
    }
    if (a.equals("aarch64") && system.equals("Darwin")) {
      return "arm64";
    }
    return arch;
  }

  private static String node(String system) {
    if (system.equals("Linux")) {
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

  private static String firstLine(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      return (nl < 0 ? text : text.substring(0, nl)).trim();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
