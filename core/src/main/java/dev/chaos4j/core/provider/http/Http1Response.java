package dev.chaos4j.core.provider.http;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one HTTP/1.x response from a connection (RFC 9112): interim {@code 1xx} responses skipped,
 * the body delimited by {@code Content-Length}, chunked transfer coding or the end of the
 * connection, and no body at all for {@code HEAD}, {@code 204} and {@code 304}.
 *
 * @param response the final response
 * @param keepAlive whether the connection can carry another request: the body was delimited and
 *     neither side asked to close
 */
record Http1Response(Response response, boolean keepAlive) {
  /** Longest status line, header line or chunk size line accepted. */
  private static final int MAX_LINE = 64 * 1024;

  /** Most header lines accepted in one response. */
  private static final int MAX_HEADERS = 1000;

  /** Empty lines tolerated before a status line (some servers end a body with a stray CRLF). */
  private static final int MAX_LEADING_EMPTY_LINES = 4;

  /** Signals that the server closed the connection before sending any of the response. */
  static final class NoResponse extends IOException {
    private static final long serialVersionUID = 1L;

    NoResponse() {
      super("the server closed the connection without sending a response");
    }
  }

  /**
   * Reads the response to a request of the given method.
   *
   * @throws NoResponse when the connection closes before the status line
   * @throws ProtocolException when the response is not valid HTTP/1.x
   */
  static Http1Response read(Http1Connection connection, String method, long timeoutNanos)
      throws IOException {
    while (true) {
      String statusLine = statusLine(connection, timeoutNanos);
      boolean http10 = statusLine.startsWith("HTTP/1.0");
      int status = status(statusLine);
      List<Header> headers = headers(connection, timeoutNanos);
      if (status >= 100 && status < 200 && status != 101) {
        continue; // 100 Continue, 103 Early Hints...: the final response follows
      }
      List<String> connectionOptions = tokens(headers, "Connection");
      boolean persistent =
          status != 101
              && !connectionOptions.contains("close")
              && (!http10 || connectionOptions.contains("keep-alive"));

      if (method.equals("HEAD") || status == 204 || status == 304 || status == 101) {
        return new Http1Response(new Response(status, headers, new byte[0]), persistent);
      }
      List<String> codings = tokens(headers, "Transfer-Encoding");
      if (!codings.isEmpty()) {
        if (codings.get(codings.size() - 1).equals("chunked")) {
          byte[] body = chunked(connection, timeoutNanos);
          return new Http1Response(new Response(status, headers, body), persistent);
        }
        // not chunked last: the body ends with the connection (RFC 9112 §6.3)
        return new Http1Response(
            new Response(status, headers, toEnd(connection, timeoutNanos)), false);
      }
      long length = contentLength(headers);
      if (length < 0) {
        return new Http1Response(
            new Response(status, headers, toEnd(connection, timeoutNanos)), false);
      }
      BodyBuffer body = new BodyBuffer(length);
      connection.readExactly(length, body, timeoutNanos);
      return new Http1Response(new Response(status, headers, body.toByteArray()), persistent);
    }
  }

  private static String statusLine(Http1Connection connection, long timeoutNanos)
      throws IOException {
    for (int empty = 0; empty <= MAX_LEADING_EMPTY_LINES; empty++) {
      String line = connection.readLine(MAX_LINE, timeoutNanos);
      if (line == null) {
        throw new NoResponse();
      }
      if (!line.isEmpty()) {
        return line;
      }
    }
    throw new ProtocolException("the response has no status line");
  }

  /** The status code of {@code HTTP/1.x NNN reason}. */
  private static int status(String line) throws ProtocolException {
    boolean valid =
        line.startsWith("HTTP/1.")
            && line.length() >= 12
            && Character.isDigit(line.charAt(7))
            && line.charAt(8) == ' '
            && (line.length() == 12 || line.charAt(12) == ' ');
    if (valid) {
      int status = 0;
      for (int i = 9; i < 12; i++) {
        char c = line.charAt(i);
        if (c < '0' || c > '9') {
          valid = false;
          break;
        }
        status = status * 10 + (c - '0');
      }
      if (valid && status >= 100) {
        return status;
      }
    }
    throw new ProtocolException("invalid status line " + quote(line));
  }

  private static List<Header> headers(Http1Connection connection, long timeoutNanos)
      throws IOException {
    List<Header> headers = new ArrayList<>();
    while (true) {
      String line = connection.readLine(MAX_LINE, timeoutNanos);
      if (line == null) {
        throw new IOException("the server closed the connection in the middle of the headers");
      }
      if (line.isEmpty()) {
        return headers;
      }
      char first = line.charAt(0);
      if ((first == ' ' || first == '\t') && !headers.isEmpty()) {
        // obsolete line folding: the line continues the previous header's value
        Header previous = headers.remove(headers.size() - 1);
        headers.add(new Header(previous.name(), previous.value() + " " + line.strip()));
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon > 0 ? line.substring(0, colon).strip() : "";
      if (name.isEmpty()) {
        throw new ProtocolException("invalid header line " + quote(line));
      }
      if (headers.size() == MAX_HEADERS) {
        throw new ProtocolException("the response has more than " + MAX_HEADERS + " headers");
      }
      headers.add(new Header(name, line.substring(colon + 1).strip()));
    }
  }

  /** The comma-separated values of every header of this name, lower-cased. */
  private static List<String> tokens(List<Header> headers, String name) {
    List<String> tokens = List.of();
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        if (tokens.isEmpty()) {
          tokens = new ArrayList<>();
        }
        for (String token : h.value().split(",")) {
          String t = token.strip().toLowerCase(Locale.ROOT);
          if (!t.isEmpty()) {
            tokens.add(t);
          }
        }
      }
    }
    return tokens;
  }

  /** The body length its headers give, or -1 when they give none. */
  private static long contentLength(List<Header> headers) throws ProtocolException {
    long length = -1;
    for (Header h : headers) {
      if (!h.name().equalsIgnoreCase("Content-Length")) {
        continue;
      }
      for (String value : h.value().split(",", -1)) {
        long parsed = parseLength(value.strip());
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new ProtocolException("invalid Content-Length " + quote(h.value()));
        }
        length = parsed;
      }
    }
    return length;
  }

  /** A non-negative decimal number, or -1. */
  private static long parseLength(String digits) {
    if (digits.isEmpty() || digits.length() > 18) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static byte[] chunked(Http1Connection connection, long timeoutNanos) throws IOException {
    BodyBuffer body = new BodyBuffer(-1);
    while (true) {
      String line = connection.readLine(MAX_LINE, timeoutNanos);
      if (line == null) {
        throw new IOException("the server closed the connection in the middle of the body");
      }
      long size = chunkSize(line);
      if (size == 0) {
        break;
      }
      connection.readExactly(size, body, timeoutNanos);
      String end = connection.readLine(MAX_LINE, timeoutNanos);
      if (end == null || !end.isEmpty()) {
        throw new ProtocolException("a chunk of the body does not end where its size says");
      }
    }
    // trailer fields: read and dropped, as the JDK's client does
    while (true) {
      String line = connection.readLine(MAX_LINE, timeoutNanos);
      if (line == null) {
        throw new IOException("the server closed the connection in the middle of the body");
      }
      if (line.isEmpty()) {
        return body.toByteArray();
      }
    }
  }

  /** The size of {@code HEX[;extensions]}. */
  private static long chunkSize(String line) throws ProtocolException {
    int semicolon = line.indexOf(';');
    String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
    if (hex.isEmpty() || hex.length() > 15) {
      throw new ProtocolException("invalid chunk size " + quote(line));
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw new ProtocolException("invalid chunk size " + quote(line));
      }
      size = size * 16 + digit;
    }
    return size;
  }

  private static byte[] toEnd(Http1Connection connection, long timeoutNanos) throws IOException {
    BodyBuffer body = new BodyBuffer(-1);
    connection.readToEnd(body, timeoutNanos);
    return body.toByteArray();
  }

  /** A line of the response for a message: quoted, shortened. */
  private static String quote(String line) {
    return "'" + (line.length() > 100 ? line.substring(0, 100) + "..." : line) + "'";
  }
}
