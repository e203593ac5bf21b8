package dev.chaos4j.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyTest {

  @Test
  void booleansEqualTheirIntegerValuesAsInPython() {
    assertThat(Py.eq(1, true)).isTrue();
    assertThat(Py.eq(0, false)).isTrue();
    assertThat(Py.eq(2, true)).isFalse();
    assertThat(Py.eq(1.0, 1)).isTrue();
    assertThat(Py.eq(new BigInteger("10000000000000000000"), 1e19)).isTrue();
  }

  @Test
  void stringsNeverEqualNumbers() {
    assertThat(Py.eq("1", 1)).isFalse();
    assertThat(Py.eq("true", true)).isFalse();
  }

  @Test
  void containersCompareDeeply() {
    Map<String, Object> a = new LinkedHashMap<>(Map.of("x", List.of(1, true)));
    Map<String, Object> b = new LinkedHashMap<>(Map.of("x", List.of(1.0, 1)));
    assertThat(Py.eq(a, b)).isTrue();
    assertThat(Py.eq(List.of(1, 2), List.of(1))).isFalse();
    assertThat(Py.eq(Map.of("status", 200), true)).isFalse();
  }

  @Test
  void orderingFollowsPythonAndRefusesMixedTypes() {
    assertThat(Py.compare(1, 2.5)).isNegative();
    assertThat(Py.compare("b", "a")).isPositive();
    assertThatThrownBy(() -> Py.compare("1", 2))
        .hasMessage("'<' not supported between instances of 'str' and 'int'");
  }

  @Test
  void truthinessFollowsPython() {
    assertThat(Py.truthy(null)).isFalse();
    assertThat(Py.truthy("")).isFalse();
    assertThat(Py.truthy(0)).isFalse();
    assertThat(Py.truthy(0.0)).isFalse();
    assertThat(Py.truthy(List.of())).isFalse();
    assertThat(Py.truthy(Map.of())).isFalse();
    assertThat(Py.truthy("0")).isTrue();
    assertThat(Py.truthy(Double.NaN)).isTrue();
  }

  @Test
  void strAndReprFormatAsPythonDoes() {
    assertThat(Py.str(true)).isEqualTo("True");
    assertThat(Py.str(null)).isEqualTo("None");
    assertThat(Py.str(5)).isEqualTo("5");
    assertThat(Py.str(1.0)).isEqualTo("1.0");
    assertThat(Py.str(0.1)).isEqualTo("0.1");
    assertThat(Py.str(1e16)).isEqualTo("1e+16");
    assertThat(Py.str(1.5e-5)).isEqualTo("1.5e-05");
    assertThat(Py.str(123456789.0)).isEqualTo("123456789.0");
    assertThat(Py.str("it's")).isEqualTo("it's");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", java.util.Arrays.asList(1, "x", false, null));
    m.put("b", "it's");
    assertThat(Py.str(m)).isEqualTo("{'a': [1, 'x', False, None], 'b': \"it's\"}");
  }

  @Test
  void typeNamesArePythons() {
    assertThat(Py.typeName(true)).isEqualTo("bool");
    assertThat(Py.typeName(1L)).isEqualTo("int");
    assertThat(Py.typeName(1.5)).isEqualTo("float");
    assertThat(Py.typeName(Map.of())).isEqualTo("dict");
    assertThat(Py.typeName(null)).isEqualTo("NoneType");
  }
}
