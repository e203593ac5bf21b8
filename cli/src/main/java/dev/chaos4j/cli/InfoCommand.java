package dev.chaos4j.cli;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.discovery.InstalledExtensions;
import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos info core|settings|extensions}: what this installation is made of. */
@Command(
    name = "info",
    description = {
      "Display information about the Chaos Toolkit environment.",
      "Targets: core (versions), settings (your settings file as is), extensions (installed"
          + " Java extensions)."
    })
public final class InfoCommand extends CommandBase {
  private static final String VERSIONS_ROW = "%-20s%-10s%n";
  private static final String EXTENSIONS_ROW = "%-40s%-10s%-10s%s%n";

  /** What {@code chaos info} can show. */
  enum Target {
    core,
    settings,
    extensions
  }

  @Parameters(paramLabel = "TARGET", description = "One of: ${COMPLETION-CANDIDATES}.")
  Target target;

  @Override
  protected int execute() {
    PrintStream out = System.out;
    switch (target) {
      case core -> printVersions(out);
      case settings -> printSettingsFile(out, global().settingsPath());
      case extensions -> printExtensions(out);
    }
    out.flush();
    return 0;
  }

  /** The reference's "CLI" and "Core library" rows name the versions chaos4j follows. */
  private static void printVersions(PrintStream out) {
    out.printf(VERSIONS_ROW, "NAME", "VERSION");
    out.printf(VERSIONS_ROW, "chaos4j", Version.chaos4j());
    out.printf(VERSIONS_ROW, "CLI", Version.COMPATIBLE_CLI);
    out.printf(VERSIONS_ROW, "Core library", Version.COMPATIBLE_LIB);
    out.printf(VERSIONS_ROW, "Java", System.getProperty("java.runtime.version"));
  }

  private static void printSettingsFile(PrintStream out, Path path) {
    if (!Files.isRegularFile(path)) {
      out.println("No settings file found at " + path);
      return;
    }
    try {
      out.println(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ChaosException("Cannot read settings file '" + path + "': " + e, e);
    }
  }

  private static void printExtensions(PrintStream out) {
    List<Extension> extensions = InstalledExtensions.load().all();
    if (extensions.isEmpty()) {
      out.println("No extensions installed.");
      return;
    }
    out.printf(EXTENSIONS_ROW, "NAME", "VERSION", "FUNCTIONS", "MODULES");
    for (Extension extension : extensions) {
      List<ActivityFunction> functions = extension.functions();
      TreeSet<String> modules = new TreeSet<>();
      functions.forEach(f -> modules.add(f.module()));
      out.printf(
          EXTENSIONS_ROW,
          extension.name(),
          extension.version(),
          functions.size(),
          String.join(", ", modules));
    }
  }
}
