package dev.chaos4j.core.settings;

import java.util.Objects;

/**
 * Credentials for one host of the {@code auths} settings, sent by the HTTP loader as the {@code
 * Authorization} header when it fetches an experiment from that host.
 *
 * @param type the scheme, e.g. {@code bearer}, {@code basic}
 * @param value the credentials for that scheme
 */
public record Auth(String type, String value) {
  public Auth {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /**
   * The {@code Authorization} header value: {@code "<type> <value>"}, as the reference sends it.
   */
  public String authorizationHeader() {
    return type + " " + value;
  }

  /** Hides the credentials, which must never reach a log. */
  @Override
  public String toString() {
    return "Auth[type=" + type + ", value=***]";
  }
}
