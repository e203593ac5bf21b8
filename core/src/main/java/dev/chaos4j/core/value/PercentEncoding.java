package dev.chaos4j.core.value;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as Python's {@code urllib.parse.quote} and {@code quote_plus} do it (UTF-8
 * bytes; letters, digits and {@code _.-~} kept), so URLs and form bodies match the reference's.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** {@code urllib.parse.quote(text, safe)}: the characters of {@code safe} are kept too. */
  public static String quote(String text, String safe) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    append(out, text, safe, false);
    return out.toString();
  }

  /** {@code urllib.parse.quote_plus(text)}: a space becomes {@code +}. */
  public static void appendQuotePlus(StringBuilder out, String text) {
    append(out, text, "", true);
  }

  private static void append(StringBuilder out, String text, String safe, boolean spaceAsPlus) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == '-'
          || c == '~'
          || (c < 0x80 && safe.indexOf(c) >= 0)) {
        out.append((char) c);
      } else if (c == ' ' && spaceAsPlus) {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }
}
