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
 */
final class HeldResponse extends HttpServletResponseWrapper {

  private ServletOutputStream stream;
  private PrintWriter writer;

  HeldResponse(HttpServletResponse response, int bufferBytes) {
    super(response);
    if (!response.isCommitted() && response.getBufferSize() < bufferBytes) {
      response.setBufferSize(bufferBytes);
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
