package dev.chaos4j.core.discovery;

import static dev.chaos4j.core.discovery.DiscoveryTest.extension;
import static dev.chaos4j.core.testing.ExtensionJars.registering;
import static dev.chaos4j.core.testing.ExtensionJars.withContextClassLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.extension.FunctionRegistry;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.Functions;
import dev.chaos4j.core.testing.FakeExtension;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledExtensionsTest {
  @TempDir Path dir;

  private final Extension fake = new FakeExtension();
  private final Extension k8s =
      extension(
          "chaostoolkit-kubernetes",
          Functions.action("chaosk8s.pod.actions", "terminate_pods").body(a -> null));
  private final InstalledExtensions installed = InstalledExtensions.of(List.of(k8s, fake));

  @Test
  void extensionsAreSortedByName() {
    assertThat(installed.all()).containsExactly(fake, k8s);
  }

  @Test
  void findsAnExtensionByItsNameIgnoringCaseAndSeparators() {
    assertThat(installed.find("chaostoolkit-kubernetes")).isSameAs(k8s);
    assertThat(installed.find("ChaosToolkit_Kubernetes")).isSameAs(k8s);
  }

  @Test
  void findsAnExtensionByAModulePrefixOnDotBoundaries() {
    assertThat(installed.find("chaosk8s")).isSameAs(k8s);
    assertThat(installed.find("chaosk8s.pod")).isSameAs(k8s);
    assertThat(installed.find("chaosfake.probes")).isSameAs(fake);
    assertThatThrownBy(() -> installed.find("chaosk")).isInstanceOf(ChaosException.class);
  }

  @Test
  void anUnknownNameListsTheInstalledExtensionsInOneLine() {
    assertThatThrownBy(() -> installed.find("chaostoolkit-aws"))
        .isInstanceOf(ChaosException.class)
        .hasMessage(
            "no installed extension is named 'chaostoolkit-aws' or provides module"
                + " 'chaostoolkit-aws'; installed: chaostoolkit-fake (chaosfake),"
                + " chaostoolkit-kubernetes (chaosk8s)");
    assertThatThrownBy(() -> InstalledExtensions.of(List.of()).find("x"))
        .hasMessageEndingWith(
            "no extension is installed (extensions are jars on chaos4j's classpath)");
  }

  @Test
  void aModuleProvidedByTwoExtensionsAsksForTheExtensionsName() {
    Extension twin =
        extension("chaostoolkit-twin", Functions.probe("chaosk8s.twin", "p").body(a -> null));

    assertThatThrownBy(() -> InstalledExtensions.of(List.of(k8s, twin)).find("chaosk8s"))
        .hasMessage(
            "module 'chaosk8s' is provided by several extensions (chaostoolkit-kubernetes,"
                + " chaostoolkit-twin); name the extension instead");
  }

  @Test
  void loadGivesTheInstancesTheFunctionRegistryIndexes() throws Exception {
    try (URLClassLoader loader = registering(dir, FakeExtension.class.getName())) {
      List<Extension> discovered =
          withContextClassLoader(loader, () -> InstalledExtensions.load().all());
      FunctionRegistry registry = withContextClassLoader(loader, FunctionRegistry::installed);

      assertThat(discovered).singleElement().isSameAs(registry.extensions().get(0));
    }
  }
}
