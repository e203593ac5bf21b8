package dev.chaos4j.core.provider.process;

import static dev.chaos4j.core.provider.process.ProcessActivities.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.provider.ProviderContext;
import dev.chaos4j.core.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProviderValidationTest {
  @TempDir Path dir;
  private final ProcessProvider provider = new ProcessProvider();
  private LogCapture log;

  @BeforeEach
  void record() {
    log = LogCapture.ofThisThread();
  }

  @AfterEach
  void stopRecording() {
    log.close();
  }

  @Test
  void anActivityWithoutPathIsInvalid() {
    assertThatThrownBy(() -> validate(probe("{}")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("a process activity must have a path");
    assertThatThrownBy(() -> validate(probe("{\"path\": \"\"}")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("a process activity must have a path");
  }

  @Test
  void aPathThatCannotBeFoundIsInvalidWithTheRawPathAndActivityName() {
    var activity = probe("{\"path\": \"somewhere/not/here\"}");
    activity.put("name", "invalid proc path");
    assertThatThrownBy(() -> validate(activity))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("path 'somewhere/not/here' cannot be found, in activity 'invalid proc path'");
  }

  @Test
  void aProgramMissingFromThePathIsInvalid() {
    assertThatThrownBy(() -> validate(probe("{\"path\": \"no-such-program-c4j\"}")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("path 'no-such-program-c4j' cannot be found, in activity 'p'");
  }

  @Test
  void aFileThatIsNotExecutableIsInvalidWithAPermissionMessage() throws Exception {
    Path script = Files.writeString(dir.resolve("notes.txt"), "not a program");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> validate(probe("{\"path\": \"./notes.txt\"}")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("no access permission to './notes.txt', in activity 'p'");
  }

  @Test
  void aDirectoryIsNotAProgram() throws Exception {
    Files.createDirectory(dir.resolve("tools"));
    assertThatThrownBy(() -> validate(probe("{\"path\": \"./tools\"}")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("path './tools' cannot be found, in activity 'p'");
  }

  @Test
  void aNonStringPathIsInvalid() {
    assertThatThrownBy(() -> validate(probe("{\"path\": 42}")))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("path 42 must be a string, in activity 'p'");
  }

  @Test
  void programsAreFoundOnThePathRelativeToTheWorkingDirectoryAndUnderHome() throws Exception {
    Scripts.write(dir.resolve("bin/hello.sh"), "echo hello");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOME", dir.toString());
    env.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    ProviderContext context = new ProviderContext(Map.of(), Map.of(), dir, env);
    for (String path :
        new String[] {
          "sh", "/bin/sh", "bin/hello.sh", "./bin/hello.sh", "hello.sh", "~/bin/hello.sh"
        }) {
      assertThatCode(() -> provider.validate(probe(Map.of("path", path)), context))
          .as(path)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void mappingArgumentsAreDeprecatedWithOneWarning() {
    validate(probe("{\"path\": \"echo\", \"arguments\": {\"-n\": null}}"));
    validate(probe("{\"path\": \"echo\", \"arguments\": {\"-e\": null}}"));
    validate(probe("{\"path\": \"echo\", \"arguments\": [\"-n\"]}"));
    assertThat(log.warnings())
        .containsExactly(
            "Process arguments should now be a list to keep the ordering of the arguments."
                + " Dictionary arguments are deprecated for process activities.");
  }

  private void validate(Map<String, Object> activity) {
    provider.validate(activity, ProviderContext.empty(dir));
  }
}
