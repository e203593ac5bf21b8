package dev.chaos4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class MainTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "run experiment.json | run",
        "--no-log-file validate x.json | validate",
        "--log-file-level info run x.json | run",
        "--log-file info --settings settings info core | info",
        "--log-file-level=info settings show | settings",
        "--verbose --change-dir /tmp proxy list | proxy",
        "-- run | run",
      })
  void findsTheSubCommandPastTheOptionsAndTheirValues(String line, String expected) {
    CommandLine root = new CommandLine(new ChaosCommand());

    assertThat(Main.subCommandName(root, line.split(" "))).isEqualTo(expected);
  }

  @Test
  void aCommandLineThatNamesNoSubCommandFindsNone() {
    CommandLine root = new CommandLine(new ChaosCommand());

    assertThat(Main.subCommandName(root, "--verbose", "--log-file", "run")).isNull();
    assertThat(Main.subCommandName(root)).isNull();
  }

  @Test
  void aNamedSubCommandIsTheOnlyOneBuilt() {
    assertThat(Main.commandLine("--no-log-file", "run", "x.json").getSubcommands())
        .containsOnlyKeys("run");
    assertThat(Main.commandLine("proxy", "toxic", "add").getSubcommands())
        .containsOnlyKeys("proxy");
  }

  @Test
  void helpAndUnknownSubCommandsGetTheWholeTree() {
    var all = Main.commandLine().getSubcommands().keySet();

    assertThat(all)
        .containsExactly("run", "validate", "discover", "init", "info", "settings", "proxy");
    assertThat(Main.commandLine("--help").getSubcommands()).containsOnlyKeys(all);
    assertThat(Main.commandLine("rnu", "x.json").getSubcommands()).containsOnlyKeys(all);
  }

  @Test
  void aSubCommandBuiltAloneBehavesAsInTheWholeTree() {
    String[] args = {"--log-file-level", "info", "run", "--help"};

    assertThat(output(Main.commandLine(args), args)).isEqualTo(output(Main.commandLine(), args));
    assertThat(
            Main.commandLine(args).getSubcommands().get("run").isCaseInsensitiveEnumValuesAllowed())
        .isFalse();
    assertThat(
            Main.commandLine(args)
                .getSubcommands()
                .get("run")
                .isAllowSubcommandsAsOptionParameters())
        .isTrue();
  }

  private static String output(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute(args);
    return code + "\n" + out;
  }
}
