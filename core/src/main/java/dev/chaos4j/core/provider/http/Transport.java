package dev.chaos4j.core.provider.http;

/** Sends one request and receives its response, without following redirects. */
interface Transport {

  /**
   * Sends the request and returns the response with its whole body.
   *
   * @param timeouts the connect timeout, and the longest silence allowed from the server
   * @param verifyTls whether the server's certificate and host name are checked (https only)
   * @throws ExchangeFailure when no response could be had
   * @throws InterruptedException when the thread is interrupted (its interrupt flag stays set)
   */
  Response send(Request request, HttpTimeouts timeouts, boolean verifyTls)
      throws ExchangeFailure, InterruptedException;
}
