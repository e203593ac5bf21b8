package dev.chaos4j.proxy.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaos4j.proxy.internal.ApiError;
import dev.chaos4j.proxy.internal.Proxy;
import dev.chaos4j.proxy.internal.ProxyCollection;
import dev.chaos4j.proxy.internal.ToxicEntry;
import dev.chaos4j.proxy.toxic.Attributes;
import dev.chaos4j.proxy.toxic.ToxicRegistry;
import dev.chaos4j.proxy.toxic.ToxicType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of Toxiproxy's API, each answering with Toxiproxy's status codes, bodies and error
 * messages. Called on the API's single thread only.
 */
final class ProxyApi {

  /** The Toxiproxy API version this server implements and reports. */
  static final String VERSION = "2.12.0";

  private static final String POPULATE_TYPE =
      "[]struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }";

  private final ProxyCollection proxies;

  ProxyApi(ProxyCollection proxies) {
    this.proxies = proxies;
  }

  // ---- proxies

  ApiResponse listProxies() {
    Map<String, Object> all = new LinkedHashMap<>();
    for (Proxy proxy : proxies.all()) {
      all.put(proxy.name(), proxy.toJson());
    }
    return ApiResponse.json(200, all);
  }

  ApiResponse createProxy(byte[] body) {
    ObjectNode input = JsonInput.object(JsonInput.parse(body), "toxiproxy.Proxy");
    String name = JsonInput.string(input, "name", "Proxy", "");
    String listen = JsonInput.string(input, "listen", "Proxy", "");
    String upstream = JsonInput.string(input, "upstream", "Proxy", "");
    boolean enabled = JsonInput.bool(input, "enabled", "Proxy", true);
    if (name.isEmpty()) {
      throw ApiError.missingField("name");
    }
    if (upstream.isEmpty()) {
      throw ApiError.missingField("upstream");
    }
    return ApiResponse.json(201, proxies.create(name, listen, upstream, enabled).toJson());
  }

  /** A proxy definition of {@code /populate} or a config file. */
  record ProxyInput(
      String name, String listen, String upstream, boolean enabled, JsonNode toxics) {}

  /**
   * Reads and checks every proxy of a {@code /populate} body before any is created, as Toxiproxy
   * does; {@code null} decodes to no proxy.
   */
  static List<ProxyInput> readPopulate(JsonNode node) {
    if (node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw ApiError.badRequestBody(
          "json: cannot unmarshal "
              + JsonInput.kind(node)
              + " into Go value of type "
              + POPULATE_TYPE);
    }
    List<ProxyInput> inputs = new ArrayList<>();
    for (JsonNode element : node) {
      ObjectNode item = JsonInput.object(element, POPULATE_TYPE.substring(2));
      inputs.add(
          new ProxyInput(
              JsonInput.string(item, "name", "", ""),
              JsonInput.string(item, "listen", "", ""),
              JsonInput.string(item, "upstream", "", ""),
              JsonInput.bool(item, "enabled", "", true),
              JsonInput.field(item, "toxics")));
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).name().isEmpty()) {
        throw ApiError.missingField("name at proxy " + (i + 1));
      }
      if (inputs.get(i).upstream().isEmpty()) {
        throw ApiError.missingField("upstream at proxy " + (i + 1));
      }
    }
    return inputs;
  }

  ApiResponse populate(byte[] body) {
    List<Proxy> done = new ArrayList<>();
    ApiError failure = null;
    try {
      for (ProxyInput input : readPopulate(JsonInput.parse(body))) {
        done.add(
            proxies.createOrKeep(input.name(), input.listen(), input.upstream(), input.enabled()));
      }
    } catch (ApiError e) {
      failure = e;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (failure != null) {
      result.put("error", failure.getMessage());
      result.put("status", failure.status());
    }
    // Go marshals an empty slice that was never appended to as null.
    result.put("proxies", done.isEmpty() ? null : done.stream().map(Proxy::toJson).toList());
    return ApiResponse.json(failure == null ? 201 : failure.status(), result);
  }

  ApiResponse showProxy(String name) {
    return ApiResponse.json(200, proxies.get(name).toJson());
  }

  ApiResponse updateProxy(String name, byte[] body) {
    Proxy proxy = proxies.get(name);
    ObjectNode input = JsonInput.object(JsonInput.parse(body), "toxiproxy.Proxy");
    String listen = JsonInput.string(input, "listen", "Proxy", proxy.listen());
    String upstream = JsonInput.string(input, "upstream", "Proxy", proxy.upstream());
    boolean enabled = JsonInput.bool(input, "enabled", "Proxy", proxy.enabled());
    JsonInput.string(input, "name", "Proxy", "");
    proxy.update(listen, upstream, enabled);
    return ApiResponse.json(200, proxy.toJson());
  }

  ApiResponse deleteProxy(String name) {
    proxies.remove(name);
    return ApiResponse.noContent();
  }

  ApiResponse reset() {
    proxies.reset();
    return ApiResponse.noContent();
  }

  // ---- toxics

  ApiResponse listToxics(String proxyName) {
    return ApiResponse.json(200, proxies.get(proxyName).toxics().toJson());
  }

  ApiResponse createToxic(String proxyName, byte[] body) {
    Proxy proxy = proxies.get(proxyName);
    ToxicInput input = readToxic(JsonInput.parse(body));
    if (proxy.toxics().find(input.name()) != null) {
      throw ApiError.toxicAlreadyExists();
    }
    return ApiResponse.json(200, proxy.addToxic(input.build()).toJson());
  }

  /** A new toxic as given, its attributes not yet read. */
  record ToxicInput(
      String name, ToxicType type, String stream, float toxicity, ObjectNode attributes) {

    /** Reads the attributes (after the name was found free, as Toxiproxy orders its checks). */
    ToxicEntry build() {
      return ToxicEntry.create(
          name, type, stream, toxicity, readAttributes(type, attributes, type.defaults()));
    }
  }

  /**
   * Reads a new toxic in Toxiproxy's order of checks: the body, the stream, then the type. The
   * default name is {@code <type>_<stream>}.
   */
  static ToxicInput readToxic(JsonNode node) {
    ObjectNode input = JsonInput.object(node, "toxics.ToxicWrapper");
    String name = JsonInput.string(input, "name", "ToxicWrapper", "");
    String typeName = JsonInput.string(input, "type", "ToxicWrapper", "");
    String stream = JsonInput.string(input, "stream", "ToxicWrapper", "downstream");
    float toxicity = JsonInput.float32(input, "toxicity", "ToxicWrapper", 1f);
    JsonNode attributes = JsonInput.field(input, "attributes");
    if (attributes != null && !attributes.isObject()) {
      throw JsonInput.mismatch(attributes, "ToxicWrapper", "attributes", "toxics.NoopToxic");
    }
    if (!ToxicEntry.isValidStream(stream)) {
      throw ApiError.invalidStream();
    }
    if (name.isEmpty()) {
      name = typeName + "_" + stream;
    }
    ToxicType type = ToxicRegistry.find(typeName);
    if (type == null) {
      throw ApiError.invalidToxicType();
    }
    return new ToxicInput(name, type, stream, toxicity, (ObjectNode) attributes);
  }

  /** Merges the attributes given into {@code base}; unknown ones are ignored, as in Go. */
  static Attributes readAttributes(ToxicType type, ObjectNode given, Attributes base) {
    if (given == null) {
      return base;
    }
    Attributes values = base;
    for (ToxicType.Attribute attribute : type.attributes()) {
      long value =
          JsonInput.integer(
              given,
              attribute.name(),
              type.structName(),
              "attributes." + attribute.name(),
              attribute.goType(),
              values.get(attribute.name()));
      values = values.with(attribute.name(), value);
    }
    return values;
  }

  ApiResponse showToxic(String proxyName, String toxicName) {
    return ApiResponse.json(200, proxies.get(proxyName).toxic(toxicName).toJson());
  }

  ApiResponse updateToxic(String proxyName, String toxicName, byte[] body) {
    Proxy proxy = proxies.get(proxyName);
    ToxicEntry current = proxy.toxic(toxicName);
    ObjectNode input =
        JsonInput.object(
            JsonInput.parse(body),
            "struct { Attributes interface {} "
                + "\"json:\\\"attributes\\\"\"; Toxicity float32 \"json:\\\"toxicity\\\"\" }");
    JsonNode attributes = JsonInput.field(input, "attributes");
    if (attributes != null && !attributes.isObject()) {
      throw JsonInput.mismatch(
          attributes, "", "attributes", "toxics." + current.type().structName());
    }
    Attributes values =
        readAttributes(current.type(), (ObjectNode) attributes, current.attributes());
    float toxicity = JsonInput.float32(input, "toxicity", "", current.toxicity());
    return ApiResponse.json(200, proxy.replaceToxic(current.updated(values, toxicity)).toJson());
  }

  ApiResponse deleteToxic(String proxyName, String toxicName) {
    proxies.get(proxyName).removeToxic(toxicName);
    return ApiResponse.noContent();
  }

  /** Reads a config file's list of toxics for one proxy; names must be unique. */
  static List<ToxicEntry> readToxics(JsonNode toxics) {
    List<ToxicEntry> entries = new ArrayList<>();
    if (toxics == null) {
      return entries;
    }
    if (!toxics.isArray()) {
      throw ApiError.badRequestBody("toxics must be a JSON array, not " + JsonInput.kind(toxics));
    }
    for (Iterator<JsonNode> it = toxics.elements(); it.hasNext(); ) {
      ToxicInput input = readToxic(it.next());
      for (ToxicEntry other : entries) {
        if (other.name().equals(input.name())) {
          throw ApiError.toxicAlreadyExists();
        }
      }
      entries.add(input.build());
    }
    return entries;
  }
}
