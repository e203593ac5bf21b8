package dev.chaos4j.cli;

import dev.chaos4j.core.run.Platform;
import picocli.CommandLine.IVersionProvider;

/** The version of chaos4j and the reference version it is compatible with. */
public final class Version implements IVersionProvider {
  /** The chaostoolkit-lib version whose behaviour chaos4j follows (journals say it). */
  public static final String COMPATIBLE_LIB = Platform.COMPATIBLE_LIB_VERSION;

  /** The chaostoolkit CLI version whose flags chaos4j accepts. */
  public static final String COMPATIBLE_CLI = "1.19.0";

  /** chaos4j's own version, from the jar manifest. */
  public static String chaos4j() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "chaos4j "
          + chaos4j()
          + " (compatible with chaostoolkit "
          + COMPATIBLE_CLI
          + ", chaostoolkit-lib "
          + COMPATIBLE_LIB
          + ")"
    };
  }
}
