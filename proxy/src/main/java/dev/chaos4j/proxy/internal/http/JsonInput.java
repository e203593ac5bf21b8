package dev.chaos4j.proxy.internal.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaos4j.proxy.internal.ApiError;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies with the rules of Go's {@code encoding/json} as Toxiproxy uses it: only the
 * first JSON value counts, keys match field names case-insensitively, {@code null} leaves a field
 * as it was, and a value of the wrong type is a 400 {@code bad request body} error worded as Go
 * words it.
 */
final class JsonInput {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("Unexpected character \\('(.+?)' \\(code");
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '(.)");
  private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)'");

  private JsonInput() {}

  /**
   * The first JSON value of {@code body}.
   *
   * @throws ApiError 400 {@code bad request body: EOF} when empty, or the syntax problem
   */
  static JsonNode parse(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonEOFException e) {
      throw ApiError.badRequestBody("unexpected EOF");
    } catch (StreamReadException e) {
      throw ApiError.badRequestBody(syntaxProblem(e));
    } catch (IOException e) {
      throw ApiError.badRequestBody(e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw ApiError.badRequestBody("EOF");
    }
    return node;
  }

  private static String syntaxProblem(StreamReadException e) {
    String message = e.getOriginalMessage();
    Matcher unexpected = UNEXPECTED_CHARACTER.matcher(message);
    if (unexpected.find()) {
      return "invalid character '" + unexpected.group(1) + "' looking for beginning of value";
    }
    Matcher close = CLOSE_MARKER.matcher(message);
    if (close.find()) {
      return "invalid character '" + close.group(1) + "' looking for beginning of value";
    }
    Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
    if (e instanceof JsonParseException && token.find()) {
      return "invalid character '" + token.group(1) + "' looking for beginning of value";
    }
    if (message.contains("end-of-input")) {
      return "unexpected EOF";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * {@code node} as an object into which Go would decode {@code goType}; {@code null} decodes into
   * nothing, so it reads as an empty object.
   */
  static ObjectNode object(JsonNode node, String goType) {
    if (node.isObject()) {
      return (ObjectNode) node;
    }
    if (node.isNull()) {
      return MAPPER.createObjectNode();
    }
    throw ApiError.badRequestBody(
        "json: cannot unmarshal " + kind(node) + " into Go value of type " + goType);
  }

  /**
   * The value of {@code field} in {@code object}, matched case-insensitively as Go does (the last
   * match wins), or {@code null} when absent or JSON null.
   */
  static JsonNode field(ObjectNode object, String field) {
    JsonNode found = null;
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (entry.getKey().equalsIgnoreCase(field)) {
        found = entry.getValue();
      }
    }
    return found == null || found.isNull() ? null : found;
  }

  /** A string field, or {@code fallback} when absent. */
  static String string(ObjectNode object, String field, String struct, String fallback) {
    JsonNode value = field(object, field);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw mismatch(value, struct, field, "string");
    }
    return value.textValue();
  }

  /** A boolean field, or {@code fallback} when absent. */
  static boolean bool(ObjectNode object, String field, String struct, boolean fallback) {
    JsonNode value = field(object, field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw mismatch(value, struct, field, "bool");
    }
    return value.booleanValue();
  }

  /** A float32 field, or {@code fallback} when absent. */
  static float float32(ObjectNode object, String field, String struct, float fallback) {
    JsonNode value = field(object, field);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber()) {
      throw mismatch(value, struct, field, "float32");
    }
    double number = value.doubleValue();
    if (Double.isInfinite(number) || Math.abs(number) > Float.MAX_VALUE) {
      throw ApiError.badRequestBody(
          "json: cannot unmarshal number "
              + value.asText()
              + " into Go struct field "
              + struct
              + "."
              + field
              + " of type float32");
    }
    return (float) number;
  }

  /** An integer field (Go {@code int64} or {@code int}), or {@code fallback} when absent. */
  static long integer(
      ObjectNode object, String field, String struct, String path, String goType, long fallback) {
    JsonNode value = field(object, field);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber()) {
      throw mismatch(value, struct, path, goType);
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiError.badRequestBody(
          "json: cannot unmarshal number "
              + value.asText()
              + " into Go struct field "
              + struct
              + "."
              + path
              + " of type "
              + goType);
    }
    return value.longValue();
  }

  /** Go's error for a value of the wrong JSON type. */
  static ApiError mismatch(JsonNode value, String struct, String path, String goType) {
    return ApiError.badRequestBody(
        "json: cannot unmarshal "
            + kind(value)
            + " into Go struct field "
            + struct
            + "."
            + path
            + " of type "
            + goType);
  }

  /** Go's word for the JSON type of {@code node}. */
  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return "number";
  }
}
