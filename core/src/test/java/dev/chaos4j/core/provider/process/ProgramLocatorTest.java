package dev.chaos4j.core.provider.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs found in PATH are remembered while they stay executable files. */
class ProgramLocatorTest {
  @TempDir Path dir;
  private final ProgramLocator locator = new ProgramLocator();

  /** A PATH of two directories, {@code a} searched before {@code b}. */
  private Map<String, String> pathAThenB() {
    return Map.of("PATH", dir.resolve("a") + ":" + dir.resolve("b"));
  }

  @Test
  void aProgramFoundInPathIsUsedAgainWhileItStaysExecutable() throws Exception {
    Path later = Scripts.write(dir.resolve("b/tool"), "echo b");
    Map<String, String> env = pathAThenB();
    assertThat(locator.find("tool", dir, env).path()).isEqualTo(later);

    // deliberate difference from the reference, which looks the program up before every activity:
    // a program that appears afterwards in an earlier PATH directory is not picked up
    Path earlier = Scripts.write(dir.resolve("a/tool"), "echo a");
    assertThat(locator.find("tool", dir, env).path()).isEqualTo(later);
    assertThat(Executables.find("tool", dir, env).path()).isEqualTo(earlier);
  }

  @Test
  void aRememberedProgramThatWasRemovedIsSearchedForAgain() throws Exception {
    Path later = Scripts.write(dir.resolve("b/tool"), "echo b");
    Map<String, String> env = pathAThenB();
    assertThat(locator.find("tool", dir, env).path()).isEqualTo(later);

    Path earlier = Scripts.write(dir.resolve("a/tool"), "echo a");
    Files.delete(later);
    assertThat(locator.find("tool", dir, env).path()).isEqualTo(earlier);

    Files.delete(earlier);
    assertThat(locator.find("tool", dir, env).outcome()).isEqualTo(Executables.Outcome.NOT_FOUND);
  }

  @Test
  void aRememberedProgramThatIsNoLongerExecutableIsSearchedForAgain() throws Exception {
    Path earlier = Scripts.write(dir.resolve("a/tool"), "echo a");
    Path later = Scripts.write(dir.resolve("b/tool"), "echo b");
    Map<String, String> env = pathAThenB();
    assertThat(locator.find("tool", dir, env).path()).isEqualTo(earlier);

    Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(locator.find("tool", dir, env).path()).isEqualTo(later);
  }

  @Test
  void eachPathAndWorkingDirectoryHasItsOwnLookups() throws Exception {
    Path a = Scripts.write(dir.resolve("a/tool"), "echo a");
    Path b = Scripts.write(dir.resolve("b/tool"), "echo b");
    assertThat(locator.find("tool", dir, Map.of("PATH", dir.resolve("a").toString())).path())
        .isEqualTo(a);
    assertThat(locator.find("tool", dir, Map.of("PATH", dir.resolve("b").toString())).path())
        .isEqualTo(b);

    // a relative PATH entry depends on the working directory
    Path other = Scripts.write(dir.resolve("elsewhere/a/tool"), "echo elsewhere");
    assertThat(locator.find("tool", dir, Map.of("PATH", "a")).path()).isEqualTo(a);
    assertThat(locator.find("tool", dir.resolve("elsewhere"), Map.of("PATH", "a")).path())
        .isEqualTo(other);
  }

  @Test
  void aProgramGivenWithADirectoryIsCheckedEveryTime() throws Exception {
    Path script = Scripts.write(dir.resolve("bin/tool"), "echo a");
    assertThat(locator.find("bin/tool", dir, Map.of()).path()).isEqualTo(script);
    Files.delete(script);
    assertThat(locator.find("bin/tool", dir, Map.of()).outcome())
        .isEqualTo(Executables.Outcome.NOT_FOUND);
  }
}
