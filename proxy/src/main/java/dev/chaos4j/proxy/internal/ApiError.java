package dev.chaos4j.proxy.internal;

/**
 * A failed API operation, with the HTTP status and message Toxiproxy answers with; the body is
 * {@code {"error":"<message>","status":<status>}}.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /** An error with {@code status} and {@code message}. */
  public ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** 400 {@code bad request body: <detail>}. */
  public static ApiError badRequestBody(String detail) {
    return new ApiError(400, "bad request body: " + detail);
  }

  /** 400 {@code missing required field: <field>}. */
  public static ApiError missingField(String field) {
    return new ApiError(400, "missing required field: " + field);
  }

  /** 404 {@code proxy not found}. */
  public static ApiError proxyNotFound() {
    return new ApiError(404, "proxy not found");
  }

  /** 409 {@code proxy already exists}. */
  public static ApiError proxyAlreadyExists() {
    return new ApiError(409, "proxy already exists");
  }

  /** 400 for a stream other than upstream or downstream (or chaos4j's both). */
  public static ApiError invalidStream() {
    return new ApiError(400, "stream was invalid, can be either upstream or downstream");
  }

  /** 400 {@code invalid toxic type}. */
  public static ApiError invalidToxicType() {
    return new ApiError(400, "invalid toxic type");
  }

  /** 409 {@code toxic already exists}. */
  public static ApiError toxicAlreadyExists() {
    return new ApiError(409, "toxic already exists");
  }

  /** 404 {@code toxic not found}. */
  public static ApiError toxicNotFound() {
    return new ApiError(404, "toxic not found");
  }

  /**
   * 500 with a message of the underlying failure, as Toxiproxy reports errors it did not foresee.
   */
  public static ApiError internal(String message) {
    return new ApiError(500, message);
  }
}
