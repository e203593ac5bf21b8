package dev.chaos4j.middleware.spring.client;

import dev.chaos4j.middleware.AttackSpec.Abort;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The response an abort gives in place of the dependency's: its status, content type, length, the
 * marker header and its body (none for a {@code HEAD} call), read by the client's message
 * converters and error handler exactly as a received response would be.
 */
final class AbortClientHttpResponse implements ClientHttpResponse {

  private final HttpStatusCode status;
  private final HttpHeaders headers = new HttpHeaders();
  private final InputStream body;

  /**
   * @param markerHeader the header naming the attacks, or empty for none
   * @param marker its value
   */
  AbortClientHttpResponse(HttpRequest request, Abort abort, String markerHeader, String marker) {
    this.status = HttpStatusCode.valueOf(abort.status());
    byte[] bytes = abort.bodyBytes(request.getMethod().name());
    this.body = new ByteArrayInputStream(bytes);
    headers.set(HttpHeaders.CONTENT_TYPE, abort.contentType());
    headers.setContentLength(bytes.length);
    if (!markerHeader.isEmpty()) {
      headers.set(markerHeader, marker);
    }
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return status;
  }

  @Override
  public String getStatusText() {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "" : known.getReasonPhrase();
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public InputStream getBody() {
    return body;
  }

  @Override
  public void close() {
    // nothing held: the body is in memory
  }

  @Override
  public String toString() {
    return status.value() + " (chaos4j abort)";
  }
}
