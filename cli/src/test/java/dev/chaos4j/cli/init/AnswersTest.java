package dev.chaos4j.cli.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {

  @Test
  void tolerancesAreTypedValues() throws Exception {
    assertThat(Answers.tolerance("true")).isEqualTo(true);
    assertThat(Answers.tolerance("False")).isEqualTo(false);
    assertThat(Answers.tolerance("200")).isEqualTo(200);
    assertThat(Answers.tolerance("[200, 299]")).isEqualTo(List.of(200, 299));
    assertThat(Answers.tolerance("{\"type\": \"regex\", \"pattern\": \"ok\"}"))
        .isEqualTo(Map.of("type", "regex", "pattern", "ok"));
    assertThat(Answers.tolerance("\"200\"")).isEqualTo("200");
    assertThat(Answers.tolerance("all good")).isEqualTo("all good");
  }

  @Test
  void tolerancesTheReferenceRefusesAreRefused() {
    assertThatThrownBy(() -> Answers.tolerance("1.5")).isInstanceOf(InvalidAnswer.class);
    assertThatThrownBy(() -> Answers.tolerance("null")).isInstanceOf(InvalidAnswer.class);
    assertThatThrownBy(() -> Answers.tolerance(""))
        .hasMessage("a hypothesis probe needs a tolerance");
  }

  @Test
  void argumentsFollowTheirDiscoveredType() throws Exception {
    assertThat(Answers.argument("42", "string")).isEqualTo("42");
    assertThat(Answers.argument("42", "integer")).isEqualTo(42);
    assertThat(Answers.argument("3", "number")).isEqualTo(3.0);
    assertThat(Answers.argument("yes", "boolean")).isEqualTo(true);
    assertThat(Answers.argument("0", "boolean")).isEqualTo(false);
    assertThat(Answers.argument("[1, 2]", "tuple")).isEqualTo(List.of(1, 2));
    assertThat(Answers.argument("{\"a\": 1}", "mapping")).isEqualTo(Map.of("a", 1));
    assertThat(Answers.argument("{\"a\": 1}", null)).isEqualTo(Map.of("a", 1));
    assertThat(Answers.argument("plain words", "object")).isEqualTo("plain words");
  }

  @Test
  void argumentsOfTheWrongTypeAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Answers.argument("1.5", "integer"))
        .hasMessage("'1.5' is not an integer");
    assertThatThrownBy(() -> Answers.argument("true", "number"))
        .hasMessage("'true' is not a number");
    assertThatThrownBy(() -> Answers.argument("maybe", "boolean"))
        .hasMessage("'maybe' is not a boolean: answer true or false");
    assertThatThrownBy(() -> Answers.argument("a,b", "list"))
        .hasMessageStartingWith("'a,b' is not a JSON list");
    assertThatThrownBy(() -> Answers.argument("[1]", "mapping"))
        .hasMessageStartingWith("'[1]' is not a JSON object");
  }

  @Test
  void placeholdersStayTextWhateverTheType() throws Exception {
    assertThat(Answers.argument("${port}", "integer")).isEqualTo("${port}");
  }

  @Test
  void choicesAndConfirmationsHaveDefaults() throws Exception {
    assertThat(Answers.choice("", 3)).isZero();
    assertThat(Answers.choice("3", 3)).isEqualTo(3);
    assertThatThrownBy(() -> Answers.choice("-1", 3))
        .hasMessage("'-1' is not a number from 0 to 3");
    assertThat(Answers.confirm("", true)).isTrue();
    assertThat(Answers.confirm("NO", true)).isFalse();
  }
}
