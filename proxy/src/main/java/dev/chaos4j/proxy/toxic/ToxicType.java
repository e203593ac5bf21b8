package dev.chaos4j.proxy.toxic;

import java.util.List;
import java.util.function.Function;

/**
 * A kind of toxic: its name in the API, the attributes it takes and how to build it from them.
 *
 * @param name the {@code type} of the toxic in Toxiproxy's API, e.g. {@code latency}
 * @param structName Toxiproxy's name for it in decoding errors, e.g. {@code LatencyToxic}
 * @param attributes the attributes, in the order the API lists them
 * @param factory builds the toxic from its attribute values
 */
public record ToxicType(
    String name,
    String structName,
    List<Attribute> attributes,
    Function<Attributes, Toxic> factory) {

  /**
   * One integer attribute of a toxic.
   *
   * @param name its key in the {@code attributes} object
   * @param goType the integer type Toxiproxy decodes it into ({@code int64} or {@code int}), used
   *     in decoding errors
   */
  public record Attribute(String name, String goType) {}

  /** Declares a toxic type whose attributes are all 64-bit integers. */
  static ToxicType of(
      String name,
      String structName,
      Function<Attributes, Toxic> factory,
      String... int64Attributes) {
    return new ToxicType(
        name,
        structName,
        java.util.Arrays.stream(int64Attributes).map(a -> new Attribute(a, "int64")).toList(),
        factory);
  }

  int indexOf(String name) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        name + " is not an attribute of the " + this.name + " toxic");
  }

  /** All attributes at zero, as a new toxic of this type starts. */
  public Attributes defaults() {
    return Attributes.zero(this);
  }

  /** Builds a toxic of this type. */
  public Toxic create(Attributes attributes) {
    return factory.apply(attributes);
  }
}
