package dev.chaos4j.core.provider.http;

import static dev.chaos4j.core.provider.http.HttpActivities.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaos4j.core.provider.ProviderContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the provider sends: method, URL, query, headers and body, seen by a real server. */
class HttpProviderRequestTest {
  @TempDir Path dir;
  private LoopbackServer server;
  private final HttpProvider provider = new HttpProvider();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void getIsTheDefaultMethodAndSendsNoBody() {
    Map<String, Object> echo = echo("{\"url\": \"%s/echo\"}", ProviderContext.empty(dir));
    assertThat(echo).containsEntry("method", "GET").containsEntry("query", null);
    assertThat(echo.get("body")).isEqualTo("");
  }

  @Test
  void getArgumentsBecomeTheQueryStringWithRepeatedKeysForLists() {
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/echo\", \"arguments\": {\"q\": \"chaos toolkit\", \"n\": 2,"
                + " \"tag\": [\"a\", \"b\"], \"flag\": true, \"none\": null, \"sym\": \"a&b=c~*\"}}",
            ProviderContext.empty(dir));
    assertThat(echo.get("query"))
        .isEqualTo("q=chaos+toolkit&n=2&tag=a&tag=b&flag=True&sym=a%26b%3Dc~%2A");
  }

  @Test
  void getArgumentsAreAppendedToAQueryAlreadyInTheUrl() {
    Map<String, Object> echo =
        echo("{\"url\": \"%s/echo?x=1\", \"arguments\": {\"y\": 2}}", ProviderContext.empty(dir));
    assertThat(echo.get("query")).isEqualTo("x=1&y=2");
  }

  @Test
  void methodIsUpperCased() {
    Map<String, Object> echo =
        echo("{\"url\": \"%s/echo\", \"method\": \"delete\"}", ProviderContext.empty(dir));
    assertThat(echo.get("method")).isEqualTo("DELETE");
  }

  @Test
  void postArgumentsAreFormEncodedByDefault() {
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/echo\", \"method\": \"post\", \"arguments\": {\"q\": \"chaos toolkit\","
                + " \"n\": [1, 2]}}",
            ProviderContext.empty(dir));
    assertThat(echo.get("body")).isEqualTo("q=chaos+toolkit&n=1&n=2");
    assertThat(headers(echo))
        .containsEntry("Content-type", "application/x-www-form-urlencoded")
        .containsEntry("Content-length", "23");
  }

  @Test
  void postArgumentsAreJsonWhenTheContentTypeIsExactlyApplicationJson() {
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/echo\", \"method\": \"post\", \"headers\": {\"Content-Type\":"
                + " \"application/json\"}, \"arguments\": {\"a\": 1, \"b\": \"caf\u00e9\","
                + " \"c\": [true, null, 1.5]}}",
            ProviderContext.empty(dir));
    assertThat(echo.get("body"))
        .isEqualTo("{\"a\": 1, \"b\": \"caf\\u00e9\", \"c\": [true, null, 1.5]}");
    assertThat(headers(echo)).containsEntry("Content-type", "application/json");
  }

  @Test
  void aJsonContentTypeWithParametersStillGetsAFormBody() {
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/echo\", \"method\": \"put\", \"headers\": {\"Content-Type\":"
                + " \"application/json; charset=utf-8\"}, \"arguments\": {\"a\": 1}}",
            ProviderContext.empty(dir));
    assertThat(echo.get("body")).isEqualTo("a=1");
  }

  @Test
  void aStringArgumentIsSentAsTheRawBodyWithoutContentType() {
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/echo\", \"method\": \"post\", \"arguments\": \"<raw> body\"}",
            ProviderContext.empty(dir));
    assertThat(echo.get("body")).isEqualTo("<raw> body");
    assertThat(headers(echo)).doesNotContainKey("Content-type");
  }

  @Test
  void defaultHeadersAreSentAndCanBeOverriddenOrRemoved() {
    Map<String, Object> defaults = echo("{\"url\": \"%s/echo\"}", ProviderContext.empty(dir));
    assertThat(headers(defaults))
        .containsEntry("Accept", "*/*")
        .containsEntry("Accept-encoding", "gzip, deflate");
    assertThat((String) headers(defaults).get("User-agent")).startsWith("chaos4j");

    Map<String, Object> changed =
        echo(
            "{\"url\": \"%s/echo\", \"headers\": {\"accept\": \"text/plain\","
                + " \"Accept-Encoding\": null, \"User-Agent\": \"probe/1\", \"X-Count\": 3}}",
            ProviderContext.empty(dir));
    assertThat(headers(changed))
        .containsEntry("Accept", "text/plain")
        .containsEntry("X-count", "3")
        .containsEntry("User-agent", "probe/1")
        .doesNotContainKey("Accept-encoding");
  }

  @Test
  void theHostHeaderCanBeSetToReachAVirtualHost() {
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/echo\", \"headers\": {\"Host\": \"shop.example\"}}",
            ProviderContext.empty(dir));
    assertThat(headers(echo)).containsEntry("Host", "shop.example");
  }

  @Test
  void urlHeadersAndArgumentsAreSubstitutedFromConfigurationAndSecrets() {
    ProviderContext context =
        new ProviderContext(
            Map.of("route", "echo", "n", 5),
            Map.of("api", Map.of("token", "s3cr3t")),
            dir,
            System.getenv());
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/${route}\", \"method\": \"post\", \"headers\": {\"Authorization\":"
                + " \"Bearer ${token}\", \"Content-Type\": \"application/json\"}, \"arguments\":"
                + " {\"n\": \"${n}\", \"label\": \"n=${n}\"}}",
            context);
    assertThat(headers(echo)).containsEntry("Authorization", "Bearer s3cr3t");
    assertThat(echo.get("body")).isEqualTo("{\"n\": 5, \"label\": \"n=5\"}");
  }

  @Test
  void argumentsAreLeftAsWrittenWhenTheRunHasNoConfigurationNorSecrets() {
    Map<String, Object> echo =
        echo(
            "{\"url\": \"%s/echo\", \"arguments\": {\"price\": \"$$5\"}}",
            ProviderContext.empty(dir));
    assertThat(echo.get("query")).isEqualTo("price=%24%245");
  }

  @Test
  void charactersAUrlCannotHoldArePercentEncoded() {
    Map<String, Object> echo =
        echo("{\"url\": \"%s/echo?q=a b|\u00e9\"}", ProviderContext.empty(dir));
    assertThat(echo.get("query")).isEqualTo("q=a%20b%7C%C3%A9");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> echo(String providerJson, ProviderContext context) {
    Map<String, Object> output =
        (Map<String, Object>) provider.run(probe(providerJson.formatted(server.url())), context);
    assertThat(output).containsEntry("status", 200);
    return (Map<String, Object>) output.get("body");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> headers(Map<String, Object> echo) {
    return (Map<String, Object>) echo.get("headers");
  }
}
