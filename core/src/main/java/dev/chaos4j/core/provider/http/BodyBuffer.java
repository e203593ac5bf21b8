package dev.chaos4j.core.provider.http;

import java.io.IOException;
import java.util.Arrays;

/** The body of a response as it arrives: a byte array that grows as needed. */
final class BodyBuffer {
  /** The largest array the JVM can allocate, about. */
  private static final int MAX = Integer.MAX_VALUE - 8;

  private static final byte[] EMPTY = new byte[0];

  private byte[] data;
  private int size;

  /**
   * A buffer for a body of {@code expected} bytes, or of unknown length (-1). Room is not taken up
   * front for large lengths: the server may not send them.
   */
  BodyBuffer(long expected) throws IOException {
    if (expected > MAX) {
      throw new IOException("the response body is too large: " + expected + " bytes");
    }
    data = new byte[expected < 0 ? 1024 : (int) Math.min(expected, 1 << 20)];
  }

  void append(byte[] source, int offset, int length) throws IOException {
    if (length > data.length - size) {
      if (length > MAX - size) {
        throw new IOException("the response body is too large: more than " + MAX + " bytes");
      }
      int needed = size + length;
      data = Arrays.copyOf(data, (int) Math.min(MAX, Math.max(needed, 2L * data.length)));
    }
    System.arraycopy(source, offset, data, size, length);
    size += length;
  }

  /** The bytes received. */
  byte[] toByteArray() {
    if (size == 0) {
      return EMPTY;
    }
    return size == data.length ? data : Arrays.copyOf(data, size);
  }
}
