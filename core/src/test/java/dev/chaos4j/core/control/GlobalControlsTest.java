package dev.chaos4j.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.InvalidControl;
import dev.chaos4j.core.value.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalControlsTest {
  @TempDir Path dir;
  private final RecordingControls recorder = new RecordingControls();

  private static final String DECLARATION =
      "{\"provider\": {\"type\": \"python\", \"module\": \"" + RecordingControls.MODULE + "\"}}";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parseTrusted(text);
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void settingsControlsComeBeforeThoseOfControlFilesInTheirOrder() throws Exception {
    Path json = file("one.json", "{\"second\": " + DECLARATION + "}");
    Path yaml =
        file(
            "two.yaml",
            "third:\n  provider:\n    type: python\n    module: "
                + RecordingControls.MODULE
                + "\n");
    GlobalControls globals =
        GlobalControls.load(
            recorder.loader(), Map.of("first", json(DECLARATION)), List.of(json, yaml));

    assertThat(globals.declarations())
        .extracting(d -> d.get("name"))
        .containsExactly("first", "second", "third");
  }

  @Test
  void aControlNothingImplementsIsSkipped() {
    Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
    settings.put("gone", json("{\"provider\": {\"type\": \"python\", \"module\": \"not.there\"}}"));
    settings.put("kept", json(DECLARATION));
    settings.put("broken", json("{\"provider\": {\"type\": \"java\", \"class\": \"no.Such\"}}"));

    GlobalControls globals = GlobalControls.load(recorder.loader(), settings, List.of());

    assertThat(globals.declarations()).extracting(d -> d.get("name")).containsExactly("kept");
  }

  @Test
  void controlFilesThatCannotBeReadAreOneLineErrors() throws Exception {
    Path broken = file("broken.json", "{\"a\": ");
    Path list = file("list.yaml", "- a\n- b\n");
    Path text = file("controls.txt", "a: b");
    Path entry = file("entry.json", "{\"a\": 1}");
    for (Path p : List.of(broken, list, text, entry)) {
      assertThatThrownBy(() -> GlobalControls.load(recorder.loader(), Map.of(), List.of(p)))
          .isInstanceOf(InvalidControl.class)
          .hasMessageContaining(p.toString())
          .hasMessageNotContaining("\n");
    }
    assertThatThrownBy(() -> GlobalControls.load(recorder.loader(), Map.of(), List.of(broken)))
        .hasMessageStartingWith("Failed parsing JSON control file");
  }

  @Test
  void anEmptyControlFileDeclaresNothing() throws Exception {
    GlobalControls globals =
        GlobalControls.load(recorder.loader(), Map.of(), List.of(file("empty.yaml", "")));
    assertThat(globals.declarations()).isEmpty();
  }

  @Test
  void loadingIsSurroundedWithTheSourceAndTheLoadedDocument() {
    GlobalControls globals =
        GlobalControls.load(recorder.loader(), Map.of("g", json(DECLARATION)), List.of());
    Map<String, Object> document = json("{\"title\": \"loaded\"}");

    Object loaded = globals.aroundLoading("exp.json", Map.of("k", "v"), () -> document);

    assertThat(loaded).isSameAs(document);
    assertThat(recorder.events)
        .containsExactly("g before loader exp.json", "g after loader exp.json");
    assertThat(recorder.calls.get(0).state()).isNull();
    assertThat(recorder.calls.get(1).state()).isSameAs(document);
    assertThat(recorder.calls.get(1).settings()).containsEntry("k", "v");
    assertThat(recorder.calls.get(1).experiment()).isNull();
  }

  @Test
  void aLoaderControlCanInterruptTheLoading() {
    Map<String, Object> declaration =
        json(
            "{\"provider\": {\"type\": \"python\", \"module\": \""
                + RecordingControls.MODULE
                + "\", \"arguments\": {\"interrupt_at\": \"before loader exp.json\"}}}");
    GlobalControls globals =
        GlobalControls.load(recorder.loader(), Map.of("g", declaration), List.of());

    assertThatThrownBy(() -> globals.aroundLoading("exp.json", Map.of(), () -> "never"))
        .isInstanceOf(InterruptExecution.class)
        .hasMessage("g stops the run");
  }
}
