package dev.chaos4j.proxy.internal.http;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request ids for the {@code X-Toxiproxy-Request-Id} header, shaped like the xid ids Toxiproxy
 * sends: 20 characters of base32hex for a time, a machine-and-process part and a counter.
 */
final class RequestIds {

  private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuv".toCharArray();

  private final byte[] origin = new byte[5];
  private final AtomicInteger counter;

  RequestIds() {
    SecureRandom random = new SecureRandom();
    random.nextBytes(origin);
    counter = new AtomicInteger(random.nextInt());
  }

  String next() {
    long seconds = System.currentTimeMillis() / 1000;
    int count = counter.getAndIncrement();
    byte[] id = {
      (byte) (seconds >> 24),
      (byte) (seconds >> 16),
      (byte) (seconds >> 8),
      (byte) seconds,
      origin[0],
      origin[1],
      origin[2],
      origin[3],
      origin[4],
      (byte) (count >> 16),
      (byte) (count >> 8),
      (byte) count
    };
    StringBuilder text = new StringBuilder(20);
    int buffer = 0;
    int bits = 0;
    for (byte b : id) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        text.append(DIGITS[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    text.append(DIGITS[(buffer << (5 - bits)) & 31]);
    return text.toString();
  }
}
