package dev.chaos4j.cli;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.discovery.Discovery;
import dev.chaos4j.core.discovery.InstalledExtensions;
import dev.chaos4j.core.io.AtomicFile;
import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.value.Json;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chaos discover [NAME]}: saves the reference's discovery document of one installed
 * extension, or of every installed one, for {@code chaos init} and other tools to build on.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = "Discover the activities an extension offers and save them in a JSON document.")
public final class DiscoverCommand extends CommandBase {
  private static final Log LOG = Log.of(DiscoverCommand.class);

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description =
          "Extension name (e.g. chaostoolkit-kubernetes) or module prefix (e.g. chaosk8s);"
              + " without it, every installed extension.")
  String name;

  @Option(names = "--no-system-info", description = "Do not discover system information.")
  boolean noSystemInfo;

  @Option(
      names = "--no-install",
      description = "Accepted for compatibility: extensions are jars on the classpath.")
  boolean noInstall;

  @Option(
      names = "--discovery-path",
      paramLabel = "PATH",
      defaultValue = "./discovery.json",
      description = "Where to save the discovery document.%nDefault: ${DEFAULT-VALUE}")
  String discoveryPath;

  @Override
  protected int execute() {
    if (name != null && !noInstall) {
      // The reference would pip install NAME here.
      LOG.info("Nothing to install: Java extensions are found on chaos4j's classpath");
    }
    events().emit("discovery-started", name, null);
    Map<String, Object> document;
    try {
      document = discover(InstalledExtensions.load());
      Path path = global().resolve(discoveryPath).normalize();
      AtomicFile.write(path, Json.pretty(document), "discovery file");
      LOG.info("Discovery outcome saved in " + path);
    } catch (ChaosException e) {
      events().emit("discovery-failed", name, e);
      throw e;
    }
    events().emit("discovery-completed", document, null);
    return 0;
  }

  private Map<String, Object> discover(InstalledExtensions installed) {
    if (name != null) {
      Extension extension = installed.find(name);
      LOG.info("Discovering capabilities from " + extension.name() + " " + extension.version());
      return Discovery.of(extension, !noSystemInfo);
    }
    if (installed.all().isEmpty()) {
      LOG.warning("no extension is installed: the discovery document lists no activity");
    } else {
      LOG.info("Discovering capabilities from " + installed.all().size() + " extension(s)");
    }
    return Discovery.ofAll("chaos4j", Version.chaos4j(), installed.all(), !noSystemInfo);
  }
}
