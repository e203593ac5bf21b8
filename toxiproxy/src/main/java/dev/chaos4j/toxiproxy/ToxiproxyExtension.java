package dev.chaos4j.toxiproxy;

import dev.chaos4j.core.spi.ActivityFunction;
import dev.chaos4j.core.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Chaos Toolkit's Toxiproxy extension ({@code chaostoolkit-toxiproxy}), in Java: the {@code
 * chaostoxi.*} functions, plus the legacy module names {@code toxiproxy.proxy.actions} and {@code
 * toxiproxy.toxic.actions} that experiments written before its first release use.
 */
public final class ToxiproxyExtension implements Extension {
  /** The module names of the extension's unreleased first version, kept for its experiments. */
  static final String LEGACY_PROXY_ACTIONS = "toxiproxy.proxy.actions";

  static final String LEGACY_TOXIC_ACTIONS = "toxiproxy.toxic.actions";

  /** The toxic functions legacy experiments call from the proxy module. */
  private static final Set<String> TOXIC_FUNCTIONS_OF_LEGACY_PROXY_MODULE =
      Set.of("create_toxic", "delete_toxic");

  private final List<ActivityFunction> functions = define();

  @Override
  public String name() {
    return "chaostoolkit-toxiproxy";
  }

  @Override
  public List<ActivityFunction> functions() {
    return functions;
  }

  private static List<ActivityFunction> define() {
    List<ActivityFunction> all = new ArrayList<>();
    all.addAll(ProxyActions.functions(ProxyActions.MODULE));
    all.addAll(ProxyProbes.functions());
    all.addAll(ToxicActions.functions(ToxicActions.MODULE, false));
    all.addAll(ToxicProbes.functions());
    all.addAll(ProxyActions.functions(LEGACY_PROXY_ACTIONS));
    for (ActivityFunction f : ToxicActions.functions(LEGACY_PROXY_ACTIONS, true)) {
      if (TOXIC_FUNCTIONS_OF_LEGACY_PROXY_MODULE.contains(f.name())) {
        all.add(f);
      }
    }
    all.addAll(ToxicActions.functions(LEGACY_TOXIC_ACTIONS, true));
    return List.copyOf(all);
  }
}
