import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;

/**
 * Same-run baselines for bench/cli_bench.py: the bare work of a chaos4j benchmark done by a fresh
 * JVM started with the launcher's flags, without chaos4j. Also the targets of the {@code java}
 * activities of the benchmarks: a no-op, and the bare process and http calls of the paired figures.
 *
 * <pre>
 *   java Baseline hello               start and stop
 *   java Baseline raw URL N           N keep-alive GETs over one plain socket, the least a Java
 *                                     client can do: one write, then the status line, headers and
 *                                     Content-Length body read back
 *   java Baseline http URL N          N keep-alive GETs with java.net.http (for context: what
 *                                     chaos4j used for http:// URLs until its own client)
 *   java Baseline urlconnection URL N N keep-alive GETs with java.net.HttpURLConnection (for context)
 *   java Baseline process N           N runs of "true" through ProcessBuilder, one after the other
 *   java Baseline process-threads N   the same, each output stream drained on a pooled thread, as
 *                                     chaos4j drains them (for context)
 * </pre>
 *
 * <p>And single one-time costs of a cold JVM, printed in milliseconds:
 *
 * <pre>
 *   java Baseline tls                 the JDK's default TLS context, then one HttpClient
 *   java Baseline clock java.time     the first LocalDateTime.now()
 *   java Baseline clock timezone      the same local time from TimeZone's offset
 * </pre>
 */
public final class Baseline {
  private Baseline() {}

  /** The no-op activity of the java-provider benchmark: the call itself costs next to nothing. */
  public static boolean ok() {
    return true;
  }

  /**
   * The paired benchmark's bare process call, in a java activity: one run of "true", exactly as
   * {@code java Baseline process} runs it.
   */
  public static boolean spawn() throws Exception {
    process(1);
    return true;
  }

  private static Socket kept;
  private static byte[] keptRequest;
  private static OutputStream keptOut;
  private static InputStream keptIn;

  /**
   * The paired benchmark's bare http call, in a java activity: one GET over a socket kept open
   * between calls, exactly as {@code java Baseline raw} sends each of its GETs.
   */
  public static boolean get(String url) throws Exception {
    if (kept == null) {
      URI uri = URI.create(url);
      keptRequest = request(uri);
      kept = new Socket(uri.getHost(), uri.getPort());
      kept.setTcpNoDelay(true);
      kept.setSoTimeout(300_000);
      keptOut = kept.getOutputStream();
      keptIn = new BufferedInputStream(kept.getInputStream());
    }
    exchange(keptRequest, keptOut, keptIn);
    return true;
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "hello" -> System.out.println("hello");
      case "raw" -> raw(URI.create(args[1]), Integer.parseInt(args[2]));
      case "http" -> http(URI.create(args[1]), Integer.parseInt(args[2]));
      case "urlconnection" -> urlConnection(new URL(args[1]), Integer.parseInt(args[2]));
      case "process" -> process(Integer.parseInt(args[1]));
      case "process-threads" -> processThreads(Integer.parseInt(args[1]));
      case "tls" -> tls();
      case "clock" -> clock(args[1]);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void raw(URI uri, int n) throws Exception {
    byte[] request = request(uri);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(300_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int i = 0; i < n; i++) {
        exchange(request, out, in);
      }
    }
  }

  /** One GET: the request written at once, then the status line, headers and body read back. */
  private static void exchange(byte[] request, OutputStream out, InputStream in)
      throws IOException {
    out.write(request);
    out.flush();
    String status = line(in);
    if (!status.startsWith("HTTP/1.1 200 ")) {
      throw new IllegalStateException("status line " + status);
    }
    int length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    if (in.readNBytes(length).length != length) {
      throw new IllegalStateException("body cut short");
    }
  }

  private static byte[] request(URI uri) {
    return ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** One CRLF-ended line, without the CRLF. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IllegalStateException("connection closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static void http(URI uri, int n) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    for (int i = 0; i < n; i++) {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode());
      }
    }
  }

  private static void urlConnection(URL url, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setConnectTimeout(30_000);
      connection.setReadTimeout(300_000);
      try (InputStream body = connection.getInputStream()) {
        body.readAllBytes(); // read to the end, so that the connection is kept alive
      }
      if (connection.getResponseCode() != 200) {
        throw new IllegalStateException("status " + connection.getResponseCode());
      }
    }
  }

  private static void process(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      Process p = new ProcessBuilder("true").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("true failed");
      }
    }
  }

  private static void processThreads(int n) throws Exception {
    ExecutorService readers =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task);
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < n; i++) {
      Process p = new ProcessBuilder("true").start();
      Future<byte[]> out = readers.submit(() -> p.getInputStream().readAllBytes());
      Future<byte[]> err = readers.submit(() -> p.getErrorStream().readAllBytes());
      if (p.waitFor() != 0 || out.get() == null || err.get() == null) {
        throw new IllegalStateException("true failed");
      }
    }
  }

  private static void tls() throws Exception {
    long t0 = System.nanoTime();
    SSLContext.getDefault();
    long t1 = System.nanoTime();
    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long t2 = System.nanoTime();
    System.out.printf(
        "SSLContext.getDefault() %.1f ms, then HttpClient build %.1f ms%n",
        (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }

  private static void clock(String way) {
    long t0 = System.nanoTime();
    LocalDateTime now;
    if (way.equals("java.time")) {
      now = LocalDateTime.now();
    } else {
      long millis = System.currentTimeMillis();
      int offset = TimeZone.getDefault().getOffset(millis) / 1000;
      now = LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.ofTotalSeconds(offset));
    }
    long t1 = System.nanoTime();
    System.out.printf("%s: first local time %s in %.1f ms%n", way, now, (t1 - t0) / 1e6);
  }
}
