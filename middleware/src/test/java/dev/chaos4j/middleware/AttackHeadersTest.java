package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signing attack headers, and reading the signature back. */
class AttackHeadersTest {

  private static final String SECRET = "0123456789abcdef";
  private static final String ATTACK = "{\"actions\": []}";

  @Test
  void aSignatureNamesItsExpiryAndNonceAndVerifiesUnderItsSecretOnly() {
    String header =
        AttackHeaders.sign(ATTACK, SECRET, Instant.ofEpochSecond(1_900_000_000L), "n0nce-123");

    assertThat(header).matches("t=1900000000,n=n0nce-123,v1=[0-9a-f]{64}");
    AttackHeaders.Signature signature = AttackHeaders.read(header);
    assertThat(signature.expiresAtEpochSecond()).isEqualTo(1_900_000_000L);
    assertThat(signature.verifies(ATTACK, SECRET)).isTrue();
    assertThat(signature.verifies(ATTACK, SECRET + "x")).isFalse();
    assertThat(signature.verifies(ATTACK + " ", SECRET)).isFalse();
  }

  @Test
  void theExpiryAndNonceAreCoveredByTheMac() {
    String header =
        AttackHeaders.sign(ATTACK, SECRET, Instant.ofEpochSecond(1_900_000_000L), "n0nce-123");

    String laterExpiry = header.replace("t=1900000000", "t=1900000099");
    String otherNonce = header.replace("n0nce-123", "n0nce-124");

    assertThat(AttackHeaders.read(laterExpiry).verifies(ATTACK, SECRET)).isFalse();
    assertThat(AttackHeaders.read(otherNonce).verifies(ATTACK, SECRET)).isFalse();
  }

  @Test
  void randomNoncesMakeEverySignatureDifferent() {
    assertThat(AttackHeaders.sign(ATTACK, SECRET, Duration.ofMinutes(1)))
        .isNotEqualTo(AttackHeaders.sign(ATTACK, SECRET, Duration.ofMinutes(1)));
  }

  @Test
  void malformedSignaturesAreNotRead() {
    assertThat(AttackHeaders.read("v1=abc")).isNull();
    assertThat(AttackHeaders.read("t=1,n=short,v1=" + "0".repeat(64))).isNull();
    assertThat(AttackHeaders.read("t=1,n=long-enough,v1=" + "0".repeat(63))).isNull();
    assertThatThrownBy(() -> AttackHeaders.sign(ATTACK, SECRET, Instant.now(), "bad nonce!"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
