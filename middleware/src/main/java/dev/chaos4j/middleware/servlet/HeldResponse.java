package dev.chaos4j.middleware.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response an attacked handler writes to when an attack acts after it: flushes and closes by
 * the handler are held back, and the buffer is enlarged, so that the response is still uncommitted
 * when the attack runs and can be delayed or replaced. The container sends it when the request
 * ends. A response larger than the buffer is committed anyway; the attack then cannot replace it.
 *
 * <p>The length the handler declares is held back too, until {@link #restoreContentLength()}:
 * Tomcat counts a response as committed as soon as that many bytes are written, which frameworks
 * such as Spring MVC do for every body they know the size of.
 */
final class HeldResponse extends HttpServletResponseWrapper {

  private static final String CONTENT_LENGTH = "Content-Length";

  private ServletOutputStream stream;
  private PrintWriter writer;
  private long contentLength = -1;

  HeldResponse(HttpServletResponse response, int bufferBytes) {
    super(response);
    if (!response.isCommitted() && response.getBufferSize() < bufferBytes) {
      response.setBufferSize(bufferBytes);
    }
  }

  /** Declares the length the handler gave, if the response can still take it. */
  void restoreContentLength() {
    if (contentLength >= 0 && !getResponse().isCommitted()) {
      getResponse().setContentLengthLong(contentLength);
    }
  }

  @Override
  public void setContentLength(int len) {
    contentLength = len;
  }

  @Override
  public void setContentLengthLong(long len) {
    contentLength = len;
  }

  @Override
  public void setHeader(String name, String value) {
    if (!holdsLength(name, value)) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!holdsLength(name, value)) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!holdsLength(name, Integer.toString(value))) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!holdsLength(name, Integer.toString(value))) {
      super.addIntHeader(name, value);
    }
  }

  private boolean holdsLength(String name, String value) {
    if (!CONTENT_LENGTH.equalsIgnoreCase(name) || value == null) {
      return false;
    }
    try {
      contentLength = Long.parseLong(value.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public void flushBuffer() {
    // held: the attack after the handler may still replace the response
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new HeldStream(super.getOutputStream());
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer =
          new PrintWriter(
              new FilterWriter(super.getWriter()) {
                @Override
                public void flush() {
                  // held
                }

                @Override
                public void close() {
                  // held: the container closes it when the request ends
                }
              });
    }
    return writer;
  }

  /** The container's stream, with flush and close held back. */
  private static final class HeldStream extends ServletOutputStream {
    private final ServletOutputStream out;

    HeldStream(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {
      // held
    }

    @Override
    public void close() {
      // held: the container closes it when the request ends
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }
}
