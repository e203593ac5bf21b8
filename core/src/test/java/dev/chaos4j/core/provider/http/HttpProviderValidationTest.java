package dev.chaos4j.core.provider.http;

import static dev.chaos4j.core.provider.http.HttpActivities.probe;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InvalidActivity;
import dev.chaos4j.core.provider.ProviderContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpProviderValidationTest {
  @TempDir Path dir;
  private final HttpProvider provider = new HttpProvider();

  @Test
  void anActivityWithoutUrlIsInvalid() {
    assertThatThrownBy(() -> provider.validate(probe("{}"), ProviderContext.empty(dir)))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("a HTTP activity must have a URL");
  }

  @Test
  void anEmptyUrlIsInvalid() {
    assertThatThrownBy(
            () -> provider.validate(probe("{\"url\": \"\"}"), ProviderContext.empty(dir)))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("a HTTP activity must have a URL");
  }

  @Test
  void headersThatAreNotAMappingAreInvalid() {
    var activity = probe("{\"url\": \"http://127.0.0.1:1/\", \"headers\": [\"a\"]}");
    assertThatThrownBy(() -> provider.validate(activity, ProviderContext.empty(dir)))
        .isInstanceOf(InvalidActivity.class)
        .hasMessage("a HTTP activities expect headers as a mapping");
  }

  @Test
  void emptyHeadersOfAnyKindAreAccepted() {
    var activity = probe("{\"url\": \"http://127.0.0.1:1/\", \"headers\": []}");
    assertThatCode(() -> provider.validate(activity, ProviderContext.empty(dir)))
        .doesNotThrowAnyException();
  }

  @Test
  void aUrlWithHeadersIsValidWithoutContactingTheServer() {
    var activity =
        probe("{\"url\": \"http://127.0.0.1:1/${path}\", \"headers\": {\"X-A\": \"${a}\"}}");
    assertThatCode(() -> provider.validate(activity, ProviderContext.empty(dir)))
        .doesNotThrowAnyException();
  }
}
