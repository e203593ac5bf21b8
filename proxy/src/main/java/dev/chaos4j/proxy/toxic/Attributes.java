package dev.chaos4j.proxy.toxic;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attribute values of one toxic, in the order its {@link ToxicType} declares them. Every
 * attribute of the standard toxics is an integer. Immutable.
 */
public final class Attributes {

  private final ToxicType type;
  private final long[] values;

  private Attributes(ToxicType type, long[] values) {
    this.type = type;
    this.values = values;
  }

  /** All attributes of {@code type} at zero, as Toxiproxy starts them. */
  static Attributes zero(ToxicType type) {
    return new Attributes(type, new long[type.attributes().size()]);
  }

  /** The value of attribute {@code name}. */
  public long get(String name) {
    return values[type.indexOf(name)];
  }

  /** The value of attribute {@code name}, clamped to the range of an {@code int}. */
  public int getInt(String name) {
    long value = get(name);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  /** A copy with attribute {@code name} set to {@code value}. */
  public Attributes with(String name, long value) {
    long[] copy = values.clone();
    copy[type.indexOf(name)] = value;
    return new Attributes(type, copy);
  }

  /** The attributes as an ordered map, as the API shows them. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(type.attributes().get(i).name(), values[i]);
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attributes that
        && type == that.type
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return type.name() + asMap();
  }
}
