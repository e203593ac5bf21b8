package dev.chaos4j.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PyBytesTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bytesReprLooksLikePython() {
    assertThat(Py.repr(bytes("stuff"))).isEqualTo("b'stuff'");
    assertThat(Py.str(bytes("a\tb\n\\"))).isEqualTo("b'a\\tb\\n\\\\'");
    assertThat(Py.repr(bytes("it's"))).isEqualTo("b\"it's\"");
    assertThat(Py.repr(bytes("'\""))).isEqualTo("b'\\'\"'");
    assertThat(Py.repr(bytes("é"))).isEqualTo("b'\\xc3\\xa9'");
  }

  @Test
  void bytesHaveTheirPythonTypeNameTruthinessAndEquality() {
    assertThat(Py.typeName(bytes("x"))).isEqualTo("bytes");
    assertThat(Py.truthy(new byte[0])).isFalse();
    assertThat(Py.truthy(bytes("x"))).isTrue();
    assertThat(Py.eq(bytes("x"), bytes("x"))).isTrue();
    assertThat(Py.eq(bytes("x"), "x")).isFalse();
  }
}
