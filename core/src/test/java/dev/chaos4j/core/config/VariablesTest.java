package dev.chaos4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablesTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void varWithoutTypeIsAString() {
    assertThat(Variables.parseVar("todo=stuff")).isEqualTo(entry("todo", "stuff"));
    assertThat(Variables.parseVar("url=http://h/?a=b")).isEqualTo(entry("url", "http://h/?a=b"));
    assertThat(Variables.parseVar("empty=")).isEqualTo(entry("empty", ""));
  }

  @Test
  void varWithTypeIsConverted() {
    assertThat(Variables.parseVar("age:int=45")).isEqualTo(entry("age", 45));
    assertThat(Variables.parseVar("age:float=45")).isEqualTo(entry("age", 45.0));
    assertThat(Variables.parseVar("on:bool=no")).isEqualTo(entry("on", false));
    assertThat(Variables.parseVar("todo:str=stuff")).isEqualTo(entry("todo", "stuff"));
    assertThat(Variables.parseVar("l:json=[1, \"a\"]")).isEqualTo(entry("l", List.of(1, "a")));
    assertThat((byte[]) Variables.parseVar("b:bytes=stuff").getValue())
        .isEqualTo("stuff".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void typeIsAfterTheLastColonOfTheName() {
    assertThat(Variables.parseVar("a:b:int=5")).isEqualTo(entry("a:b", 5));
  }

  @Test
  void varWithoutEqualsIsAUsageError() {
    assertThatThrownBy(() -> Variables.parseVar("todo/stuff"))
        .isInstanceOfSatisfying(
            InvalidVariable.class, e -> assertThat(e.option()).isEqualTo("--var"))
        .hasMessage("'todo/stuff' is not in the format name[:type]=value");
  }

  @Test
  void varWithUnknownTypeGivesTheReferenceMessage() {
    assertThatThrownBy(() -> Variables.parseVar("x:object=1"))
        .isInstanceOfSatisfying(
            InvalidVariable.class, e -> assertThat(e.option()).isEqualTo("--var"))
        .hasMessage("variable type can only be: bool, str, int, float, bytes or json");
  }

  @Test
  void varWhoseValueDoesNotConvertNamesTheVariable() {
    assertThatThrownBy(() -> Variables.parseVar("port:int=eighty"))
        .isInstanceOf(InvalidVariable.class)
        .hasMessage("variable 'port': cannot convert 'eighty' to int");
  }

  @Test
  void varWithoutNameIsAUsageError() {
    assertThatThrownBy(() -> Variables.parseVar(":int=5"))
        .isInstanceOf(InvalidVariable.class)
        .hasMessage("':int=5' has no name: the format is name[:type]=value");
  }

  @Test
  void jsonAndYamlFilesGiveConfigurationAndSecrets() throws IOException {
    Path json =
        file(
            "vars.json",
            "{\"configuration\": {\"a\": 1, \"env\": {\"type\": \"env\", \"key\": \"K\"}},"
                + " \"secrets\": {\"s\": {\"t\": \"x\"}}}");
    Path yaml = file("vars.yml", "configuration:\n  b: yes\nsecrets:\n  s2:\n    t: y\n");

    Variables variables = Variables.load(List.of(), List.of(json, yaml));

    assertThat(variables.configuration())
        .containsExactly(
            entry("a", 1), entry("env", Map.of("type", "env", "key", "K")), entry("b", true));
    assertThat(variables.secrets())
        .containsExactly(entry("s", Map.of("t", "x")), entry("s2", Map.of("t", "y")));
    assertThat(variables.environmentOverlay()).isEmpty();
  }

  @Test
  void precedenceIsVarThenLaterFilesThenEarlierFiles() throws IOException {
    Path first =
        file(
            "first.yaml",
            "configuration: {a: first, b: first, c: first}\nsecrets: {s: {k: first, only: 1}}\n");
    Path second =
        file(
            "second.json",
            "{\"configuration\": {\"b\": \"second\", \"c\": \"second\"},"
                + " \"secrets\": {\"s\": {\"k\": \"second\"}}}");

    Variables variables = Variables.load(List.of("c=var", "c:int=3"), List.of(first, second));

    assertThat(variables.configuration())
        .containsExactly(entry("a", "first"), entry("b", "second"), entry("c", 3));
    assertThat(variables.secrets()).containsExactly(entry("s", Map.of("k", "second")));
  }

  @Test
  void anyOtherExtensionIsADotenvFile() throws IOException {
    Path env =
        file(
            "run.env",
            "# comment\n"
                + "\n"
                + "CTK_FROM_DOTENV=dotenv-value\n"
                + "  SPACED = around  \n"
                + "export EXPORTED=1\n"
                + "SINGLE='a \"b\" $c'\n"
                + "DOUBLE=\"line\\nnext \\\"q\\\"\"\n"
                + "HASH=a # not a comment\n"
                + "EQUALS=a=b\n"
                + "EMPTY=\r\n");

    Variables variables = Variables.load(List.of(), List.of(env));

    assertThat(variables.environmentOverlay())
        .containsExactly(
            entry("CTK_FROM_DOTENV", "dotenv-value"),
            entry("SPACED", "around"),
            entry("EXPORTED", "1"),
            entry("SINGLE", "a \"b\" $c"),
            entry("DOUBLE", "line\nnext \"q\""),
            entry("HASH", "a # not a comment"),
            entry("EQUALS", "a=b"),
            entry("EMPTY", ""));
    assertThat(variables.configuration()).isEmpty();
  }

  @Test
  void laterDotenvFilesWinAndTheOverlayGoesOnTopOfTheBaseEnvironment() throws IOException {
    Path first = file("a.env", "X=first\nY=first\n");
    Path second = file("b.txt", "Y=second\n");

    Variables variables = Variables.load(List.of(), List.of(first, second));
    Map<String, String> environment = variables.environment(Map.of("PATH", "/bin", "X", "base"));

    assertThat(environment)
        .containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/bin", "X", "first", "Y", "second"));
  }

  @Test
  void withoutDotenvFilesTheBaseEnvironmentIsReturnedAsIs() {
    Map<String, String> base = Map.of("A", "1");

    assertThat(Variables.none().environment(base)).isSameAs(base);
  }

  @Test
  void dotenvLineWithoutEqualsNamesFileAndLine() throws IOException {
    Path env = file("bad.env", "A=1\njust words\n");

    assertThatThrownBy(() -> Variables.load(List.of(), List.of(env)))
        .isInstanceOfSatisfying(
            InvalidVariable.class, e -> assertThat(e.option()).isEqualTo("--var-file"))
        .hasMessage("Var file '" + env + "', line 2: expected KEY=VALUE, got: just words");
  }

  @Test
  void missingVarFileIsAUsageError() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> Variables.load(List.of(), List.of(missing)))
        .isInstanceOfSatisfying(
            InvalidVariable.class, e -> assertThat(e.option()).isEqualTo("--var-file"))
        .hasMessage("Path '" + missing + "' does not exist.");
  }

  @Test
  void unparseableStructuredFilesSayWhereTheyBreak() throws IOException {
    Path json = file("bad.json", "{\"configuration\": ");
    Path yaml = file("bad.yaml", "configuration:\n  a: [1,\n");

    assertThatThrownBy(() -> Variables.load(List.of(), List.of(json)))
        .isInstanceOf(InvalidVariable.class)
        .hasMessageStartingWith("Failed to parse variable file '" + json + "': ")
        .hasMessageContaining(" at line 1 column ");
    assertThatThrownBy(() -> Variables.load(List.of(), List.of(yaml)))
        .isInstanceOf(InvalidVariable.class)
        .hasMessageStartingWith("Failed to parse variable file '" + yaml + "': ")
        .hasMessageContaining(" at line ");
  }

  @Test
  void structuredFileMustHoldMappings() throws IOException {
    Path list = file("list.json", "[1, 2]");
    Path section = file("section.yaml", "configuration: [a, b]\n");

    assertThatThrownBy(() -> Variables.load(List.of(), List.of(list)))
        .isInstanceOf(InvalidVariable.class)
        .hasMessage(
            "Variable file '"
                + list
                + "' must hold a mapping with `configuration` and/or `secrets`, not a list");
    assertThatThrownBy(() -> Variables.load(List.of(), List.of(section)))
        .isInstanceOf(InvalidVariable.class)
        .hasMessage(
            "`configuration` in variable file '" + section + "' must be a mapping, not a list");
  }

  @Test
  void emptyFilesAndEmptyDocumentsAreIgnored() throws IOException {
    Path empty = file("empty.json", "");
    Path comments = file("comments.yaml", "# nothing here\n");
    Path blank = file("blank.env", "\n\n");

    Variables variables = Variables.load(List.of(), List.of(empty, comments, blank));

    assertThat(variables.configuration()).isEmpty();
    assertThat(variables.secrets()).isEmpty();
    assertThat(variables.environmentOverlay()).isEmpty();
  }

  @Test
  void varFileThatIsNotUtf8IsAClearError() throws IOException {
    Path latin1 = Files.write(dir.resolve("latin1.env"), new byte[] {'A', '=', (byte) 0xe9});

    assertThatThrownBy(() -> Variables.load(List.of(), List.of(latin1)))
        .isInstanceOf(InvalidVariable.class)
        .hasMessage("Var file '" + latin1 + "' is not UTF-8 text");
  }

  @Test
  void overridesCannotBeModified() {
    Variables variables = Variables.load(List.of("a=1"), List.of());

    assertThatThrownBy(() -> variables.configuration().put("b", 2))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
