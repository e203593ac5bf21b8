package dev.chaos4j.core.provider.http;

import dev.chaos4j.core.ChaosException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTP clients of a provider (or of the notification channels), created on first use and kept,
 * so that connections are reused across activities (keep-alive). The JDK fixes the connect timeout,
 * the TLS settings and the redirect policy per client, hence one client per distinct set of them.
 */
public final class HttpClients {
  private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();

  /**
   * The client for a connect timeout, checking certificates or not, following redirects except from
   * https to http.
   */
  public HttpClient get(Duration connectTimeout, boolean verifyTls) {
    return get(connectTimeout, verifyTls, HttpClient.Redirect.NORMAL);
  }

  /** The client for a connect timeout, checking certificates or not, with a redirect policy. */
  HttpClient get(Duration connectTimeout, boolean verifyTls, HttpClient.Redirect redirects) {
    return clients.computeIfAbsent(
        new Key(connectTimeout, verifyTls, redirects), HttpClients::create);
  }

  private static HttpClient create(Key key) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            // HTTP/1.1 as python-requests speaks it; the JDK would otherwise try an h2c upgrade
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(key.redirects())
            .connectTimeout(key.connectTimeout());
    if (!key.verifyTls()) {
      builder.sslContext(TrustAll.CONTEXT);
    }
    return builder.build();
  }

  private record Key(Duration connectTimeout, boolean verifyTls, HttpClient.Redirect redirects) {}

  /**
   * A TLS context that accepts any certificate for any host ({@code verify_tls: false}). Being an
   * {@link X509ExtendedTrustManager}, it also stands in for the host name check, which the JDK
   * performs inside the trust manager.
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    static final SSLContext CONTEXT = context();

    private static SSLContext context() {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new ChaosException("cannot set up TLS without certificate checks: " + e, e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
