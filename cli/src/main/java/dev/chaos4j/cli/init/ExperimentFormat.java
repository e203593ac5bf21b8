package dev.chaos4j.cli.init;

import dev.chaos4j.core.value.Json;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** How an experiment file is written, chosen by its extension as the reference chooses. */
public enum ExperimentFormat {
  /** Python-style JSON, two-space indent. */
  JSON,
  /** Block-style YAML, keys in the experiment's order. */
  YAML;

  /** YAML for {@code .yaml} and {@code .yml} files, JSON for any other name. */
  public static ExperimentFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
  }

  /** The experiment as this format's text. */
  public String render(Object experiment) {
    if (this == JSON) {
      return Json.pretty(experiment);
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setAllowUnicode(true);
    // Long descriptions stay on one line rather than being folded at 80 columns.
    options.setWidth(Integer.MAX_VALUE);
    return new Yaml(options).dump(experiment);
  }
}
