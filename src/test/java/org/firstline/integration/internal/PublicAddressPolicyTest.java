package org.firstline.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressPolicyTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.255.255",
                "192.169.0.1",
                "11.0.0.1",
                "223.255.255.254",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:0808:0808::1"
            })
    void publicAddressesAreCalled(String address) throws Exception {
        assertThat(PublicAddressPolicy.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "127.0.0.2, loopback",
        "127.255.255.254, loopback",
        "10.0.0.1, private",
        "10.255.255.255, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.0.1, private",
        "192.168.255.255, private",
        "169.254.169.254, link-local",
        "169.254.0.1, link-local",
        "0.0.0.0, unspecified",
        "0.1.2.3, unspecified",
        "100.64.0.1, carrier-grade NAT",
        "100.127.255.255, carrier-grade NAT",
        "224.0.0.1, multicast",
        "239.255.255.250, multicast",
        "255.255.255.255, reserved",
        "240.0.0.1, reserved",
        "198.18.0.1, reserved",
        "192.0.0.170, reserved",
        "::1, loopback",
        "::, unspecified",
        "fc00::1, private",
        "fd12:3456:789a::1, private",
        "fe80::1, link-local",
        "febf::1, link-local",
        "fec0::1, private",
        "ff02::1, multicast",
        "::ffff:127.0.0.1, loopback",
        "::ffff:169.254.169.254, link-local",
        "::ffff:10.0.0.1, private",
        "::ffff:a9fe:a9fe, link-local",
        "::127.0.0.1, loopback",
        "::169.254.169.254, link-local",
        "64:ff9b::a9fe:a9fe, link-local",
        "64:ff9b::192.168.1.1, private",
        "2002:a9fe:a9fe::1, link-local",
        "2002:7f00:0001::, loopback",
        "::ffff:100.64.0.1, carrier-grade NAT"
    })
    void everyAddressInsideIsRefusedWithItsKind(String address, String kind) throws Exception {
        assertThat(PublicAddressPolicy.refusal(InetAddress.getByName(address)))
                .hasValueSatisfying(r -> assertThat(r).contains(kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "localhost", "169.254.169.254.nip.io", "1.2.3"})
    void aHostNameIsNotTakenForAnAddressLiteral(String host) {
        assertThat(PublicAddressPolicy.literal(host)).isEmpty();
    }
}
