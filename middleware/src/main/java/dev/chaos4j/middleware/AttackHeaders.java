package dev.chaos4j.middleware;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-request attack header and its signature. The attack travels in Proofdock's {@value
 * #ATTACK} header, unchanged; the signature travels beside it in {@value #SIGNATURE} as {@code
 * t=<expiry, Unix seconds>,n=<nonce>,v1=<hex HMAC-SHA256>}, where the MAC covers {@code t + "." + n
 * + "." + <the attack header's value>} under the shared secret.
 *
 * <p>Callers (experiment functions, test clients) use {@link #sign}; the middleware verifies.
 */
public final class AttackHeaders {

  /** The request header carrying the attack, in Proofdock's JSON shape. */
  public static final String ATTACK = "x-proofdock-attack";

  /** The request header carrying the attack's signature. */
  public static final String SIGNATURE = "x-chaos4j-attack-signature";

  private static final Pattern SIGNATURE_SHAPE =
      Pattern.compile("t=(\\d{1,12}),n=([A-Za-z0-9_-]{8,64}),v1=([0-9a-f]{64})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AttackHeaders() {}

  /**
   * Signs an attack header value.
   *
   * @param attack the value of the {@value #ATTACK} header, exactly as it will be sent
   * @param secret the shared secret ({@code chaos4j.middleware.header.secret})
   * @param expiresAt when the signature stops being accepted
   * @param nonce 8 to 64 characters from {@code [A-Za-z0-9_-]}, unique per signature
   * @return the value of the {@value #SIGNATURE} header
   */
  public static String sign(String attack, String secret, Instant expiresAt, String nonce) {
    if (!nonce.matches("[A-Za-z0-9_-]{8,64}")) {
      throw new IllegalArgumentException("nonce must be 8 to 64 characters of [A-Za-z0-9_-]");
    }
    long t = expiresAt.getEpochSecond();
    return "t="
        + t
        + ",n="
        + nonce
        + ",v1="
        + HexFormat.of().formatHex(mac(secret, t, nonce, attack));
  }

  /** Signs an attack header value with a random nonce, valid for the given time from now. */
  public static String sign(String attack, String secret, Duration validFor) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    return sign(attack, secret, Instant.now().plus(validFor), HexFormat.of().formatHex(nonce));
  }

  /** A signature header, read; {@code null} from {@link #read} when it is malformed. */
  record Signature(long expiresAtEpochSecond, String nonce, String mac) {

    /** Whether the MAC is the one the secret gives for this attack (constant time). */
    boolean verifies(String attack, String secret) {
      byte[] expected = AttackHeaders.mac(secret, expiresAtEpochSecond, nonce, attack);
      byte[] given = HexFormat.of().parseHex(mac);
      return MessageDigest.isEqual(expected, given);
    }
  }

  static Signature read(String header) {
    Matcher m = SIGNATURE_SHAPE.matcher(header.trim());
    if (!m.matches()) {
      return null;
    }
    return new Signature(Long.parseLong(m.group(1)), m.group(2), m.group(3));
  }

  private static byte[] mac(String secret, long expiresAt, String nonce, String attack) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal((expiresAt + "." + nonce + "." + attack).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
