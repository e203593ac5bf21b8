package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.value.PercentEncoding;
import dev.chaos4j.core.value.Py;
import java.util.List;
import java.util.Map;

/**
 * Encodes activity {@code arguments} as python-requests encodes {@code params} and {@code data}:
 * {@code application/x-www-form-urlencoded} pairs, a list value repeating its key, null values left
 * out, every value formatted with Python's {@code str()}.
 */
final class FormEncoding {

  private FormEncoding() {}

  /**
   * Encodes a mapping (or a list of {@code [key, value]} pairs); a string is taken as already
   * encoded.
   *
   * @throws ChaosException for any other kind of value, which python-requests cannot encode either
   */
  static String encode(Object arguments) {
    if (arguments instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    if (arguments instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        appendValues(out, Py.str(e.getKey()), e.getValue());
      }
    } else if (arguments instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof List<?> pair) || pair.size() != 2) {
          throw unsupported(arguments);
        }
        appendValues(out, Py.str(pair.get(0)), pair.get(1));
      }
    } else {
      throw unsupported(arguments);
    }
    return out.toString();
  }

  private static void appendValues(StringBuilder out, String key, Object value) {
    if (value instanceof List<?> values) {
      for (Object v : values) {
        appendPair(out, key, v);
      }
    } else if (value instanceof Map<?, ?> nested) {
      // iterating a Python dict yields its keys, which is what python-requests sends
      for (Object k : nested.keySet()) {
        appendPair(out, key, k);
      }
    } else {
      appendPair(out, key, value);
    }
  }

  private static void appendPair(StringBuilder out, String key, Object value) {
    if (value == null) {
      return;
    }
    if (out.length() > 0) {
      out.append('&');
    }
    quotePlus(out, key);
    out.append('=');
    quotePlus(out, Py.str(value));
  }

  static void quotePlus(StringBuilder out, String text) {
    PercentEncoding.appendQuotePlus(out, text);
  }

  private static ChaosException unsupported(Object arguments) {
    return new ChaosException(
        "HTTP arguments must be a mapping or a string, got "
            + Py.typeName(arguments)
            + ": "
            + Py.repr(arguments));
  }
}
