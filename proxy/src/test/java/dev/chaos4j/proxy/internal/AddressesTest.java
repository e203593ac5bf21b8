package dev.chaos4j.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** host:port strings read and written as Go's net package does. */
class AddressesTest {

  @Test
  void splitsHostsPortsAndBracketedIpv6() {
    assertThat(Addresses.split("localhost:80")).isEqualTo(new Addresses.HostPort("localhost", 80));
    assertThat(Addresses.split(":0")).isEqualTo(new Addresses.HostPort("", 0));
    assertThat(Addresses.split("[::1]:9")).isEqualTo(new Addresses.HostPort("::1", 9));
    assertThat(Addresses.split("host:")).isEqualTo(new Addresses.HostPort("host", 0));
  }

  @Test
  void refusesWhatGoRefusesWithItsMessages() {
    assertThatThrownBy(() -> Addresses.split("nocolon"))
        .hasMessage("address nocolon: missing port in address");
    assertThatThrownBy(() -> Addresses.split("::1:80"))
        .hasMessage("address ::1:80: too many colons in address");
    assertThatThrownBy(() -> Addresses.split("[::1"))
        .hasMessage("address [::1: missing ']' in address");
    assertThatThrownBy(() -> Addresses.split("h:http")).hasMessage("address h:http: invalid port");
  }

  @Test
  void resolvesListenAddressesAsGoPrintsThem() {
    assertThat(Addresses.resolved("127.0.0.1:0")).isEqualTo("127.0.0.1:0");
    assertThat(Addresses.resolved(":8080")).isEqualTo(":8080");
    assertThat(Addresses.resolved("")).isEqualTo(":0");
    assertThat(Addresses.listenAddress("").getAddress().isAnyLocalAddress()).isTrue();
    assertThat(Addresses.resolved("[0:0::1]:1")).isEqualTo("[::1]:1");
  }

  @Test
  void boundWildcardsReadAsGoPrintsThem() throws Exception {
    assertThat(Addresses.bound(new InetSocketAddress(5000))).isEqualTo("[::]:5000");
    assertThat(Addresses.bound(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5)))
        .isEqualTo("127.0.0.1:5");
    assertThat(
            Addresses.bound(new InetSocketAddress(InetAddress.getByName("fe80:0:0:0:0:0:0:a"), 5)))
        .isEqualTo("[fe80::a]:5");
  }
}
