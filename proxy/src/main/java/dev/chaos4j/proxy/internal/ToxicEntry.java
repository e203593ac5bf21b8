package dev.chaos4j.proxy.internal;

import dev.chaos4j.proxy.toxic.Attributes;
import dev.chaos4j.proxy.toxic.Toxic;
import dev.chaos4j.proxy.toxic.ToxicType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One toxic of a proxy as the API knows it: name, type, stream, toxicity and attributes, with the
 * toxic built from them. Immutable; an update makes a new entry that keeps the {@link #id()}, so
 * connections can tell an updated toxic from a new one.
 */
public final class ToxicEntry {

  private static final AtomicLong IDS = new AtomicLong();

  private final long id;
  private final String name;
  private final ToxicType type;
  private final String stream;
  private final boolean upstream;
  private final boolean downstream;
  private final float toxicity;
  private final Attributes attributes;
  private final Toxic toxic;

  private ToxicEntry(
      long id, String name, ToxicType type, String stream, float toxicity, Attributes attributes) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.stream = stream;
    String direction = stream.toLowerCase(Locale.ROOT);
    this.upstream = direction.equals("upstream") || direction.equals("both");
    this.downstream = direction.equals("downstream") || direction.equals("both");
    this.toxicity = toxicity;
    this.attributes = attributes;
    this.toxic = type.create(attributes);
  }

  /**
   * A new toxic. {@code stream} is kept as written (Toxiproxy echoes it), and must be {@code
   * upstream}, {@code downstream} or {@code both} in any case.
   */
  public static ToxicEntry create(
      String name, ToxicType type, String stream, float toxicity, Attributes attributes) {
    if (!isValidStream(stream)) {
      throw ApiError.invalidStream();
    }
    return new ToxicEntry(IDS.incrementAndGet(), name, type, stream, toxicity, attributes);
  }

  /** Whether {@code stream} names a direction (case-insensitively), as Toxiproxy parses it. */
  public static boolean isValidStream(String stream) {
    String direction = stream.toLowerCase(Locale.ROOT);
    return direction.equals("upstream")
        || direction.equals("downstream")
        || direction.equals("both");
  }

  /** This toxic with new attributes and toxicity, the same identity. */
  public ToxicEntry updated(Attributes attributes, float toxicity) {
    return new ToxicEntry(id, name, type, stream, toxicity, attributes);
  }

  /** The identity of the toxic, kept across updates. */
  public long id() {
    return id;
  }

  /** The toxic's unique name within its proxy. */
  public String name() {
    return name;
  }

  /** The toxic's type. */
  public ToxicType type() {
    return type;
  }

  /** The stream as given when the toxic was created. */
  public String stream() {
    return stream;
  }

  /** Whether the toxic acts on {@code direction}. */
  public boolean appliesTo(Direction direction) {
    return direction == Direction.UPSTREAM ? upstream : downstream;
  }

  /** Whether the toxic acts on both directions (chaos4j's {@code "stream": "both"}). */
  public boolean isBothWays() {
    return upstream && downstream;
  }

  /** The probability that the toxic acts on a given connection. */
  public float toxicity() {
    return toxicity;
  }

  /** The attribute values. */
  public Attributes attributes() {
    return attributes;
  }

  /** The toxic built from the attributes. */
  public Toxic toxic() {
    return toxic;
  }

  /**
   * Draws whether the toxic acts on one connection's direction: always at toxicity 1 or more, never
   * at 0 or less (Toxiproxy's "toxicity 0 still resets" bug does not exist here).
   */
  public boolean roll() {
    if (toxicity >= 1f) {
      return true;
    }
    return toxicity > 0f && ThreadLocalRandom.current().nextFloat() < toxicity;
  }

  /** The toxic as the API shows it, in Toxiproxy's key order. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("attributes", attributes.asMap());
    json.put("name", name);
    json.put("type", type.name());
    json.put("stream", stream);
    json.put("toxicity", toxicity);
    return json;
  }
}
