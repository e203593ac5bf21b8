package dev.chaos4j.core.provider.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Checks on processes by pid, for tests that kill process trees. */
final class ProcessTree {
  private ProcessTree() {}

  /** The pids written one per line to a file, once it holds {@code count} of them. */
  static List<Long> awaitPids(Path file, int count, Duration bound) throws Exception {
    long end = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < end) {
      if (Files.exists(file)) {
        List<Long> pids =
            Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> Long.parseLong(line.trim()))
                .toList();
        if (pids.size() >= count) {
          return pids;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError(count + " pids never showed up in " + file);
  }

  /** Whether every pid is dead, waiting up to a bound for the kernel to finish with them. */
  static boolean allGone(List<Long> pids, Duration bound) throws Exception {
    long end = System.nanoTime() + bound.toNanos();
    while (true) {
      if (pids.stream().allMatch(ProcessTree::gone)) {
        return true;
      }
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(20);
    }
  }

  /** Whether a process is dead: absent, or a zombie its new parent has not reaped yet. */
  static boolean gone(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (Files.isDirectory(Path.of("/proc", "self"))) {
      try {
        String line = Files.readString(stat);
        char state = line.charAt(line.lastIndexOf(')') + 2);
        return state == 'Z' || state == 'X';
      } catch (IOException e) {
        return true;
      }
    }
    return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
  }
}
