package io.identities.email.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailServerAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "10.1.2.3, true",
    "172.16.0.1, true",
    "172.31.255.254, true",
    "192.168.1.10, true",
    "169.254.169.254, true", // the cloud metadata service
    "100.64.0.1, true",
    "0.0.0.0, true",
    "224.0.0.1, true",
    "::1, true",
    "fe80::1, true",
    "fd12:3456::1, true",
    "::ffff:10.0.0.1, true",
    "8.8.8.8, false",
    "172.32.0.1, false",
    "100.128.0.1, false",
    "2001:4860:4860::8888, false"
  })
  void shouldKnowAPrivateNetworkFromThePublicInternet(String address, boolean isPrivate)
      throws Exception {
    assertEquals(isPrivate, MailServerAddresses.isPrivate(InetAddress.getByName(address)));
  }
}
