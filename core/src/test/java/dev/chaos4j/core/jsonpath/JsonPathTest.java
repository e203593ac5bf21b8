package dev.chaos4j.core.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaos4j.core.value.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  private static final Object BODY =
      Json.parseTrusted(
          """
          {"status": "ok", "count": 2,
           "items": [{"name": "a", "up": true}, {"name": "b", "up": false}]}
          """);

  private static List<Object> eval(String path, Object document) {
    return JsonPath.compile(path).evaluate(document);
  }

  @Test
  void filterOnAListTestsTheListItselfNotItsElements() {
    assertThat(eval("$.items[?(@.up = true)]", BODY)).isEmpty();
  }

  @Test
  void filterAfterAWildcardTestsEachElement() {
    assertThat(eval("$.items.*[?(@.up = true)].name", BODY)).containsExactly("a");
    assertThat(eval("$.items[*][?(@.up = true)].name", BODY)).containsExactly("a");
  }

  @Test
  void existenceIsTrueEvenWhenTheValueIsFalse() {
    assertThat(eval("$.items[*][?(@.up)].name", BODY)).containsExactly("a", "b");
    assertThat(eval("$.items[*][?(not @.up)].name", BODY)).isEmpty();
  }

  @Test
  void equalityFollowsPythonSoOneEqualsTrue() {
    Object doc = Json.parseTrusted("[{\"v\": 1}, {\"v\": true}, {\"v\": 1.0}, {\"v\": \"1\"}]");
    assertThat(eval("$[*][?(@.v = true)]", doc)).hasSize(3);
    assertThat(eval("$[*][?(@.v != 1)].v", doc)).containsExactly("1");
  }

  @Test
  void orderingOnlyHoldsBetweenNumbers() {
    Object doc = Json.parseTrusted("[{\"v\": 3}, {\"v\": \"z\"}, {\"v\": null}]");
    assertThat(eval("$[*][?(@.v > 1)].v", doc)).containsExactly(3);
    assertThat(eval("$[*][?(@.v < \"zz\")].v", doc)).isEmpty();
  }

  @Test
  void orBindsTighterThanAnd() {
    Object doc = Json.parseTrusted("{\"a\": 1}");
    // read as (@.x and (@.y or @.a)): false, whereas ((@.x and @.y) or @.a) would be true
    assertThat(eval("$[?(@.x and @.y or @.a)]", doc)).isEmpty();
    assertThat(eval("$[?((@.x and @.y) or @.a)]", doc)).containsExactly(doc);
  }

  @Test
  void rightHandPathValuesAreOnlyComparedWithTheFirstLeftValue() {
    Object doc = Json.parseTrusted("{\"a\": [1, 2], \"b\": [2]}");
    assertThat(eval("$[?(@.a[*] = @.b[*])]", doc)).isEmpty();
    assertThat(eval("$[?(@.b[*] = @.a[*])]", doc)).containsExactly(doc);
    assertThat(eval("$[?(@.a[*] = 2)]", doc)).containsExactly(doc);
  }

  @Test
  void recursiveDescentVisitsANodeBeforeItsChildren() {
    Object doc = Json.parseTrusted("{\"name\": 1, \"a\": {\"name\": 2, \"b\": [{\"name\": 3}]}}");
    assertThat(eval("$..name", doc)).containsExactly(1, 2, 3);
    assertThat(eval("$..[0].name", doc)).containsExactly(3);
  }

  @Test
  void indexesAndSlicesFollowPython() {
    Object list = Json.parseTrusted("[0, 1, 2, 3, 4, 5]");
    assertThat(eval("$[-1]", list)).containsExactly(5);
    assertThat(eval("$[6]", list)).isEmpty();
    assertThat(eval("$[1:3]", list)).containsExactly(1, 2);
    assertThat(eval("$[-2:]", list)).containsExactly(4, 5);
    assertThat(eval("$[::2]", list)).containsExactly(0, 2, 4);
    assertThat(eval("$[3:0:-1]", list)).containsExactly(3, 2, 1);
    assertThat(eval("$[0,-1]", list)).containsExactly(0, 5);
  }

  @Test
  void aNegativeStepRunningBelowZeroWrapsAroundLikeJsonpath2() {
    Object list = Json.parseTrusted("[0, 1, 2, 3, 4, 5]");
    assertThat(eval("$[2:-10:-1]", list)).containsExactly(2, 1, 0, 5, 4, 3);
    assertThat(eval("$[::-1]", list)).isEmpty();
  }

  @Test
  void hugeSliceBoundsAreHandledWithoutIteratingThem() {
    Object list = Json.parseTrusted("[0, 1, 2]");
    assertThat(eval("$[:99999999999999999999]", list)).containsExactly(0, 1, 2);
    assertThat(eval("$[99999999999999999999:0:-1]", list)).containsExactly(2, 1);
    assertThat(eval("$[-99999999999999999999:1]", list)).containsExactly(0);
  }

  @Test
  void functionsAreSubscripts() {
    Object doc = Json.parseTrusted("{\"s\": \"héllo\", \"l\": [3, 4], \"m\": {\"x\": 1}}");
    assertThat(eval("$.l.length()", doc)).containsExactly(2);
    assertThat(eval("$.s.length()", doc)).containsExactly(5);
    assertThat(eval("$.s.charAt(1)", doc)).containsExactly("é");
    assertThat(eval("$.s.substring(1, 3)", doc)).containsExactly("él");
    assertThat(eval("$.m.keys()", doc)).containsExactly(List.of("x"));
    assertThat(eval("$.m.length()", doc)).isEmpty();
    assertThat(eval("$[?(@.l.length() = 2)].s", doc)).containsExactly("héllo");
  }

  @Test
  void aPathInsideBracketsSelectsByTheValuesItYields() {
    Object doc = Json.parseTrusted("{\"k\": \"x\", \"x\": 42, \"i\": 1, \"l\": [7, 8]}");
    assertThat(eval("$[$.k]", doc)).containsExactly(42);
    assertThat(eval("$.l[$.i]", doc)).containsExactly(8);
  }

  @Test
  void literalsMayBeJsonObjectsAndArrays() {
    Object doc = Json.parseTrusted("{\"m\": {\"x\": 1, \"y\": [1, 2]}}");
    assertThat(eval("$[?(@.m = {\"y\": [1, 2.0], \"x\": true})]", doc)).containsExactly(doc);
  }

  @Test
  void stringLiteralsKeepTheirEscapesAsWritten() {
    Object doc = Json.parseTrusted("{\"a\": \"x\\\\ny\", \"b\": \"x\\ny\"}");
    // jsonpath2 compares with the raw text between the quotes: a backslash and an 'n'
    assertThat(eval("$[?(@.a = \"x\\ny\")].a", doc)).containsExactly("x\\ny");
    assertThat(eval("$[?(@.b = \"x\\ny\")].b", doc)).isEmpty();
  }

  @Test
  void resultsAreTheDocumentsOwnObjectsInDocumentOrder() {
    List<Object> items = eval("$.items[*]", BODY);
    assertThat(items.get(0)).isSameAs(((List<?>) eval("$.items", BODY).get(0)).get(0));
  }

  @Test
  void scalarsAndNullDocumentsAreSupported() {
    assertThat(eval("$", "text")).containsExactly("text");
    assertThat(eval("$.a", "text")).isEmpty();
    List<Object> nullRoot = new ArrayList<>();
    nullRoot.add(null);
    assertThat(eval("$", null)).isEqualTo(nullRoot);
  }

  @Test
  void whitespaceBetweenTokensIsIgnored() {
    assertThat(eval("  $ .items [ 0 ] . name ", BODY)).containsExactly("a");
  }

  @Test
  void doubleEqualsIsRejectedWithAHint() {
    assertThatThrownBy(() -> JsonPath.compile("$.items[*][?(@.up == true)]"))
        .isInstanceOf(JsonPathException.class)
        .hasMessage(
            "'==' is not an operator: compare with a single '=' at column 19 in"
                + " $.items[*][?(@.up == true)]")
        .satisfies(e -> assertThat(((JsonPathException) e).column()).isEqualTo(19));
  }

  @Test
  void singleQuotesAreRejectedAtTheirColumn() {
    assertThatThrownBy(() -> JsonPath.compile("$['name']"))
        .isInstanceOf(JsonPathException.class)
        .hasMessage("strings must be in double quotes, not single quotes at column 3 in $['name']");
  }

  @Test
  void aPathMustStartAtTheRoot() {
    assertThatThrownBy(() -> JsonPath.compile("@.a"))
        .hasMessageStartingWith("a path must start with '$' ('@' is only valid inside a filter)");
    assertThatThrownBy(() -> JsonPath.compile(""))
        .hasMessageStartingWith("a path must start with '$', found the end of the path");
  }

  @Test
  void keywordsCannotBeBareKeysButCanBeQuoted() {
    assertThatThrownBy(() -> JsonPath.compile("$.true"))
        .hasMessageContaining("write [\"true\"] for a key of that name");
    assertThat(eval("$[\"true\"]", Json.parseTrusted("{\"true\": 1}"))).containsExactly(1);
  }

  @Test
  void unknownFunctionsAndNonIntegerIndexesAreRejected() {
    assertThatThrownBy(() -> JsonPath.compile("$.a.size()"))
        .hasMessageStartingWith("unknown function 'size' (available: charAt(), entries()")
        .hasMessageContaining("at column 5");
    assertThatThrownBy(() -> JsonPath.compile("$.a[1.5]"))
        .hasMessageStartingWith("an index or slice bound must be an integer, found '1.5'");
  }

  @Test
  void incompletePathsSayWhatWasExpected() {
    assertThatThrownBy(() -> JsonPath.compile("$.a["))
        .hasMessage(
            "expected a key, an index, a slice, '*', a filter '?(...)' or a path inside '[...]',"
                + " found the end of the path at column 5 in $.a[");
    assertThatThrownBy(() -> JsonPath.compile("$.a[?(@.b = 1]"))
        .hasMessage("expected ')' to close the filter, found ']' at column 14 in $.a[?(@.b = 1]");
  }

  @Test
  void aZeroSliceStepCompilesButFailsOnAList() {
    JsonPath path = JsonPath.compile("$[::0]");
    assertThat(path.evaluate("not a list")).isEmpty();
    assertThatThrownBy(() -> path.evaluate(List.of(1)))
        .isInstanceOf(JsonPathException.class)
        .hasMessage("slice step cannot be zero at column 3 in $[::0]");
  }

  @Test
  void toStringIsTheExpressionAsWritten() {
    assertThat(JsonPath.compile(" $.a ").toString()).isEqualTo(" $.a ");
  }
}
