package dev.chaos4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarTypeTest {

  @Test
  void namesAndAliasesOfEveryType() {
    assertThat(VarType.of(null)).isEqualTo(VarType.STR);
    assertThat(VarType.of("str")).isEqualTo(VarType.STR);
    assertThat(VarType.of("string")).isEqualTo(VarType.STR);
    assertThat(VarType.of("int")).isEqualTo(VarType.INT);
    assertThat(VarType.of("integer")).isEqualTo(VarType.INT);
    assertThat(VarType.of("float")).isEqualTo(VarType.FLOAT);
    assertThat(VarType.of("number")).isEqualTo(VarType.FLOAT);
    assertThat(VarType.of("bytes")).isEqualTo(VarType.BYTES);
    assertThat(VarType.of("bool")).isEqualTo(VarType.BOOL);
    assertThat(VarType.of("json")).isEqualTo(VarType.JSON);
  }

  @Test
  void unknownTypeGivesTheReferenceMessage() {
    for (String name : List.of("object", "", "Int", "boolean")) {
      assertThatThrownBy(() -> VarType.of(name))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("variable type can only be: bool, str, int, float, bytes or json");
    }
  }

  @Test
  void strKeepsTheValue() {
    assertThat(VarType.STR.convert("  x ")).isEqualTo("  x ");
    assertThat(VarType.STR.convert(5)).isEqualTo(5);
  }

  @Test
  void intFollowsPythonInt() {
    assertThat(VarType.INT.convert("1000")).isEqualTo(1000);
    assertThat(VarType.INT.convert(" -42\n")).isEqualTo(-42);
    assertThat(VarType.INT.convert("+007")).isEqualTo(7);
    assertThat(VarType.INT.convert("1_000_000")).isEqualTo(1_000_000);
    assertThat(VarType.INT.convert("3000000000")).isEqualTo(3_000_000_000L);
    assertThat(VarType.INT.convert("99999999999999999999"))
        .isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(VarType.INT.convert(5.9)).isEqualTo(5);
    assertThat(VarType.INT.convert(true)).isEqualTo(1);
    for (String bad : List.of("5.0", "abc", "", "1__0", "_1", "0x10", "1e3")) {
      assertThatThrownBy(() -> VarType.INT.convert(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("cannot convert '" + bad + "' to int");
    }
  }

  @Test
  void floatFollowsPythonFloat() {
    assertThat(VarType.FLOAT.convert("30.54321")).isEqualTo(30.54321);
    assertThat(VarType.FLOAT.convert("45")).isEqualTo(45.0);
    assertThat(VarType.FLOAT.convert(" .5 ")).isEqualTo(0.5);
    assertThat(VarType.FLOAT.convert("1.")).isEqualTo(1.0);
    assertThat(VarType.FLOAT.convert("1e3")).isEqualTo(1000.0);
    assertThat(VarType.FLOAT.convert("-1_000.5")).isEqualTo(-1000.5);
    assertThat(VarType.FLOAT.convert("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(VarType.FLOAT.convert("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat((Double) VarType.FLOAT.convert("NaN")).isNaN();
    assertThat(VarType.FLOAT.convert(3)).isEqualTo(3.0);
    for (String bad : List.of("1.5d", "0x1p3", "abc", "", "1.2.3", "e5", ".")) {
      assertThatThrownBy(() -> VarType.FLOAT.convert(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("cannot convert '" + bad + "' to float");
    }
  }

  @Test
  void bytesAreTheUtf8Encoding() {
    assertThat((byte[]) VarType.BYTES.convert("these_are_bytes"))
        .isEqualTo("these_are_bytes".getBytes(StandardCharsets.UTF_8));
    assertThat((byte[]) VarType.BYTES.convert("é")).containsExactly(0xc3 - 256, 0xa9 - 256);
  }

  @Test
  void boolIsFalseOnlyForFalseZeroAndNo() {
    for (String falsy : List.of("false", "False", "FALSE", "0", "no", "No")) {
      assertThat(VarType.BOOL.convert(falsy)).as(falsy).isEqualTo(false);
    }
    for (String truthy : List.of("true", "1", "yes", "", "off", "n", " false")) {
      assertThat(VarType.BOOL.convert(truthy)).as(truthy).isEqualTo(true);
    }
    assertThat(VarType.BOOL.convert(false)).isEqualTo(false);
  }

  @Test
  void jsonParsesTextAndKeepsEmptyText() {
    assertThat(VarType.JSON.convert("{\"a\": [1, 2.5, null]}"))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1, 2.5, null)));
    assertThat(VarType.JSON.convert("\"s\"")).isEqualTo("s");
    assertThat(VarType.JSON.convert("")).isEqualTo("");
    assertThat(VarType.JSON.convert(List.of(1))).isEqualTo(List.of(1));
    assertThatThrownBy(() -> VarType.JSON.convert("{oops"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot convert '{oops' to json: ");
  }

  @Test
  void nullStaysNullWhateverTheType() {
    for (VarType type : VarType.values()) {
      assertThat(type.convert(null)).as(type.name()).isNull();
    }
  }
}
