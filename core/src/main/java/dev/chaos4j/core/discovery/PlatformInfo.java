package dev.chaos4j.core.discovery;

import dev.chaos4j.core.run.Platform;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code platform} entry of a discovery document, spelled as Python's {@code platform.uname()}
 * spells it so that documents from both tools compare.
 */
final class PlatformInfo {
  private static final Path LINUX_KERNEL_VERSION = Path.of("/proc/sys/kernel/version");

  private PlatformInfo() {}

  /** {@code {system, node, release, version, machine, proc, python}} of this machine. */
  static Map<String, Object> describe() {
    String system = Platform.system(System.getProperty("os.name", ""));
    Map<String, Object> platform = new LinkedHashMap<>();
    platform.put("system", system);
    platform.put("node", Platform.node());
    platform.put("release", System.getProperty("os.version", ""));
    platform.put("version", system.equals("Linux") ? Platform.firstLine(LINUX_KERNEL_VERSION) : "");
    platform.put("machine", Platform.machine(system, System.getProperty("os.arch", "")));
    // Python's platform.processor() is empty on most Linux systems and guessed elsewhere; the JVM
    // has nothing better to offer, so the empty string is the honest answer.
    platform.put("proc", "");
    // No Python interpreter takes part in a Java discovery: finding one would cost a process
    // start for a value nobody reads back.
    platform.put("python", null);
    return platform;
  }
}
