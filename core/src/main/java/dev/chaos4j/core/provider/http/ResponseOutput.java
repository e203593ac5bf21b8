package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.value.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * The output of an HTTP activity: {@code {"status": int, "headers": {name: value}, "body": ...}}.
 *
 * <p>The body is decompressed ({@code gzip}, {@code deflate}) and decoded with the charset of its
 * {@code Content-Type} (UTF-8 when none is given; undecodable bytes become U+FFFD). It is parsed as
 * JSON only when the {@code Content-Type} is exactly {@code application/json}, as in the reference;
 * otherwise it is the text. Header names are given in their usual capitalisation ({@code
 * Content-Type}), repeated headers joined with {@code ", "}.
 */
final class ResponseOutput {
  private ResponseOutput() {}

  /**
   * Builds the output of a response.
   *
   * @throws ChaosException when a JSON body is not valid JSON or a compressed body is corrupt (the
   *     reference crashes on both, which aborts the run)
   */
  static Map<String, Object> of(Response response, String url) {
    Map<String, Object> headers = headers(response);
    String contentType = (String) headers.get("Content-Type");
    String text =
        decode(
            decompress(response.body(), (String) headers.get("Content-Encoding"), url),
            charset(contentType));
    Object body = "application/json".equals(contentType) ? parseJson(text, url) : text;

    Map<String, Object> output = new LinkedHashMap<>(4);
    output.put("status", response.status());
    output.put("headers", headers);
    output.put("body", body);
    return output;
  }

  /**
   * The headers sorted by name regardless of case, as the JDK's client gives them, names of any
   * case merged and capitalised, the values of a repeated header joined.
   */
  private static Map<String, Object> headers(Response response) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header h : response.headers()) {
      String previous = byName.get(h.name());
      byName.put(h.name(), previous == null ? h.value() : previous.concat(", ").concat(h.value()));
    }
    Map<String, Object> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : byName.entrySet()) {
      headers.put(canonicalName(e.getKey()), e.getValue());
    }
    return headers;
  }

  /** {@code content-type} becomes {@code Content-Type}, whatever case the server used. */
  static String canonicalName(String name) {
    char[] chars = name.toCharArray();
    boolean start = true;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      chars[i] = start ? Character.toUpperCase(c) : Character.toLowerCase(c);
      start = c == '-';
    }
    return new String(chars);
  }

  private static Object parseJson(String text, String url) {
    try {
      return Json.parse(text);
    } catch (Json.SyntaxError e) {
      throw new ChaosException(
          "the response of "
              + url
              + " says it is application/json but its body is not valid JSON ("
              + e.getMessage()
              + " at line "
              + e.line()
              + " column "
              + e.column()
              + ")");
    }
  }

  private static byte[] decompress(byte[] body, String encoding, String url) {
    if (encoding == null || body.length == 0) {
      return body;
    }
    byte[] data = body;
    List<String> codings = List.of(encoding.split(","));
    // codings are listed in the order they were applied: undo them from the last
    for (int i = codings.size() - 1; i >= 0; i--) {
      String coding = codings.get(i).trim().toLowerCase(Locale.ROOT);
      try {
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          data = gunzip(data);
        } else if (coding.equals("deflate")) {
          data = inflate(data);
        }
      } catch (IOException | DataFormatException e) {
        throw new ChaosException(
            "the "
                + coding
                + " body of the response of "
                + url
                + " cannot be decompressed: "
                + e.getMessage());
      }
    }
    return data;
  }

  private static byte[] gunzip(byte[] data) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }

  /** {@code deflate} is zlib-wrapped by the standard but raw in the wild: accept both. */
  private static byte[] inflate(byte[] data) throws DataFormatException {
    try {
      return inflate(data, false);
    } catch (DataFormatException e) {
      return inflate(data, true);
    }
  }

  private static byte[] inflate(byte[] data, boolean raw) throws DataFormatException {
    Inflater inflater = new Inflater(raw);
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
      byte[] chunk = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  private static Charset charset(String contentType) {
    if (contentType != null) {
      for (String param : contentType.split(";")) {
        String p = param.trim();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          String name = p.substring(8).trim().replace("\"", "").replace("'", "");
          try {
            return Charset.forName(name);
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Decodes leniently: malformed input becomes U+FFFD, as {@code requests}' {@code r.text}. */
  private static String decode(byte[] bytes, Charset charset) {
    return new String(bytes, charset);
  }
}
