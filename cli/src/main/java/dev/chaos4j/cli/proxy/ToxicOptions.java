package dev.chaos4j.cli.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options that describe what a toxic does: {@code --toxicity} and {@code --attribute}s. */
final class ToxicOptions {

  @Option(
      names = {"--tox", "--toxicity"},
      paramLabel = "FRACTION",
      converter = Toxicity.class,
      description = "Fraction of the connections the toxic acts on, from 0 to 1 (default: 1).")
  Double toxicity;

  @Option(
      names = {"-a", "--attribute"},
      paramLabel = "NAME=VALUE",
      description = "An attribute of the toxic, e.g. latency=100; repeat for several.")
  Map<String, String> attributes = new LinkedHashMap<>();

  /** The attributes with numbers as numbers, as the API wants them. */
  Map<String, Object> attributeValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    attributes.forEach((name, value) -> values.put(name, number(value)));
    return values;
  }

  private static Object number(String value) {
    try {
      long n = Long.parseLong(value);
      return n == (int) n ? (Object) (int) n : (Object) n;
    } catch (NumberFormatException notAnInteger) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException notANumber) {
        return value;
      }
    }
  }

  /** Reads a toxicity, refusing what is not a number from 0 to 1. */
  static final class Toxicity implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double toxicity;
      try {
        toxicity = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        toxicity = Double.NaN;
      }
      if (!(toxicity >= 0 && toxicity <= 1)) {
        throw new TypeConversionException(
            "toxicity should be a number from 0 to 1, not '" + value + "'");
      }
      return toxicity;
    }
  }
}
