package dev.chaos4j.core.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON as plain Java values: {@link LinkedHashMap} objects (key order kept),
 * {@link ArrayList} arrays, strings, numbers ({@link Integer}, {@link Long}, {@link BigInteger},
 * {@link Double}), booleans and null.
 *
 * <p>Output follows Python's {@code json.dumps}: {@code indent=2} with {@code ": "} after keys,
 * non-ASCII characters kept, {@code NaN}/{@code Infinity} allowed, so journals read like the
 * reference's.
 */
public final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();

  private Json() {}

  /** A JSON syntax error with the 1-based line and column where it was found. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    SyntaxError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /** Parses one JSON document. Trailing content after the value is an error, as in Python. */
  public static Object parse(String text) throws SyntaxError {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new SyntaxError("Expecting value", 1, 1);
      }
      Object value = read(p, first);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        throw new SyntaxError(
            "Extra data",
            p.currentTokenLocation().getLineNr(),
            p.currentTokenLocation().getColumnNr());
      }
      return value;
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      int nl = msg.indexOf('\n');
      if (nl > 0) {
        msg = msg.substring(0, nl);
      }
      var loc = e.getLocation();
      throw new SyntaxError(
          msg, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON that is known to be valid (e.g. produced by ourselves); errors are unchecked. */
  public static Object parseTrusted(String text) {
    try {
      return parse(text);
    } catch (SyntaxError e) {
      throw new IllegalArgumentException(
          "invalid JSON at line " + e.line() + " column " + e.column() + ": " + e.getMessage(), e);
    }
  }

  private static Object read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          map.put(name, read(p, p.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(read(p, v));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> p.getIntValue();
          case LONG -> p.getLongValue();
          default -> p.getBigIntegerValue();
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected JSON token " + t);
    }
  }

  /** Python {@code json.dumps(value, indent=2, ensure_ascii=False)}. */
  public static String pretty(Object value) {
    StringWriter w = new StringWriter();
    writePretty(value, w);
    return w.toString();
  }

  /** Writes {@link #pretty(Object)} to a writer. */
  public static void writePretty(Object value, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new PythonPrettyPrinter());
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact JSON on one line (Python's default separators {@code ", "} and {@code ": "}). */
  public static String compact(Object value) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.setPrettyPrinter(new CompactPythonPrinter());
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof BigInteger bi) {
      g.writeNumber(bi);
    } else if (v instanceof BigDecimal bd) {
      g.writeNumber(bd);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        g.writeRawValue("NaN");
      } else if (Double.isInfinite(d)) {
        g.writeRawValue(d > 0 ? "Infinity" : "-Infinity");
      } else {
        g.writeRawValue(Py.floatRepr(d));
      }
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> it) {
      g.writeStartArray();
      for (Object o : it) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof byte[] bytes) {
      g.writeString(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    } else {
      g.writeString(v.toString());
    }
  }

  /** A deep copy of a JSON value: maps and lists are copied, leaves are shared (immutable). */
  @SuppressWarnings("unchecked")
  public static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, m.size() * 2));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        copy.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
      }
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object o : l) {
        copy.add(deepCopy(o));
      }
      return (T) copy;
    }
    return value;
  }

  /** Indent of two spaces, {@code "key": value}, empty containers as {@code {}} and {@code []}. */
  private static final class PythonPrettyPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    PythonPrettyPrinter() {
      super(
          Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""));
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new PythonPrettyPrinter();
    }
  }

  /** One line with {@code ", "} between items and {@code ": "} after keys. */
  private static final class CompactPythonPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    CompactPythonPrinter() {
      super(
          Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEntrySpacing(Separators.Spacing.AFTER)
              .withArrayValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""));
      indentObjectsWith(new NopIndenter());
      indentArraysWith(new NopIndenter());
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new CompactPythonPrinter();
    }
  }
}
