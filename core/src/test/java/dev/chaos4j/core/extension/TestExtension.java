package dev.chaos4j.core.extension;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import dev.chaos4j.core.spi.Functions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real extension of the test class path, registered in {@code
 * META-INF/services/dev.chaos4j.core.spi.Extension}: the functions the registry and provider tests
 * call.
 */
public final class TestExtension implements Extension {
  /** The module of its probes. */
  public static final String PROBES = "chaos4j.testing.probes";

  /** The module of its actions. */
  public static final String ACTIONS = "chaos4j.testing.actions";

  @Override
  public String name() {
    return "chaos4j-testing";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public List<ActivityFunction> functions() {
    return List.of(
        Functions.probe(PROBES, "echo")
            .required("value", "string")
            .optional("suffix", "string", "!")
            .doc("Returns value followed by suffix.")
            .returns("string")
            .body(args -> args.get("value") + String.valueOf(args.get("suffix"))),
        Functions.probe(PROBES, "context")
            .configuration()
            .secrets()
            .doc("Returns the configuration and secrets it receives.")
            .returns("mapping")
            .body(
                args -> {
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("configuration", args.get("configuration"));
                  out.put("secrets", args.get("secrets"));
                  return out;
                }),
        Functions.action(ACTIONS, "append")
            .optional("items", "list", List.of("first"))
            .doc("Appends to its list argument and returns it.")
            .returns("list")
            .body(
                args -> {
                  @SuppressWarnings("unchecked")
                  List<Object> items = (List<Object>) args.get("items");
                  List<Object> out = new ArrayList<>(items);
                  out.add("appended");
                  return out;
                }),
        Functions.action(ACTIONS, "fail")
            .optional("message", "string", "boom")
            .doc("Always fails.")
            .body(
                args -> {
                  throw new IllegalStateException((String) args.get("message"));
                }));
  }
}
