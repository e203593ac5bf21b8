package dev.chaos4j.core.provider.process;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds programs as {@link Executables#find} does, and remembers where a program named without a
 * directory was found in {@code PATH}. Searching {@code PATH} costs a file-system check per
 * directory, which for a run that starts the same program again and again was most of what the
 * engine added to each start.
 *
 * <p>A remembered program is used again only while it is still an executable file; otherwise {@code
 * PATH} is searched anew. A program of the same name that appears, after it was first found, in a
 * {@code PATH} directory searched earlier is not picked up: the reference looks every program up
 * again before each activity (see docs/compatibility.md).
 */
final class ProgramLocator {
  private static final String PROCESS_PATH = System.getenv("PATH");

  /**
   * The programs found in one {@code PATH} from one working directory (relative entries). A run has
   * one of each, so only the latest is kept.
   */
  private record Found(
      Path workingDirectory, String searchPath, ConcurrentMap<String, Program> byName) {
    boolean searched(Path directory, String path) {
      // identity first (Path.equals compares the paths' bytes): a run passes the same objects
      return (workingDirectory == directory || workingDirectory.equals(directory))
          && Objects.equals(searchPath, path);
    }
  }

  /**
   * A program found, with its {@link File} for the check before each use: {@code java.io.File}'s
   * checks cost a fraction of {@code Files}' while a run is still interpreted.
   */
  private record Program(Path path, File file) {
    boolean executable() {
      return file.isFile() && file.canExecute();
    }
  }

  private volatile Found latest;

  /**
   * Looks a program up.
   *
   * @param path the activity's {@code path}
   * @param workingDirectory what relative paths are resolved against
   * @param environment the run's environment ({@code HOME}, {@code PATH})
   */
  Executables.Lookup find(String path, Path workingDirectory, Map<String, String> environment) {
    if (path.indexOf('/') >= 0 || path.equals("~")) {
      // one candidate, checked every time: scripts beside the experiment come and go
      return Executables.find(path, workingDirectory, environment);
    }
    String searchPath = environment == System.getenv() ? PROCESS_PATH : environment.get("PATH");
    Found found = latest;
    if (found == null || !found.searched(workingDirectory, searchPath)) {
      found = new Found(workingDirectory, searchPath, new ConcurrentHashMap<>());
      latest = found;
    }
    Program known = found.byName().get(path);
    if (known != null && known.executable()) {
      return new Executables.Lookup(Executables.Outcome.FOUND, known.path());
    }
    Executables.Lookup lookup = Executables.find(path, workingDirectory, environment);
    if (lookup.outcome() == Executables.Outcome.FOUND) {
      found.byName().put(path, new Program(lookup.path(), lookup.path().toFile()));
    } else {
      found.byName().remove(path);
    }
    return lookup;
  }
}
