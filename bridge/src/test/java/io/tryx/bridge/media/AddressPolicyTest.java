package io.tryx.bridge.media;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSRF guard's address rules: internal addresses are refused with a reason, public ones pass. */
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.254", "192.168.0.1", "100.64.0.1", "100.127.255.255", "169.254.169.254", "169.254.0.1",
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1", "198.19.255.255",
            "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1", "2002:c0a8:0101::1"})
    void internalAddressesAreRefusedWithAReason(String address) throws Exception {
        assertThat(AddressPolicy.PUBLIC_ONLY.refusal(InetAddress.getByName(address))).as(address)
                .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "192.167.1.1",
            "100.63.255.255", "100.128.0.1", "169.253.1.1", "198.17.0.1", "198.20.0.1", "223.255.255.255",
            "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(AddressPolicy.PUBLIC_ONLY.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "::1", "8.8.8.8"})
    void theOpenPolicyAllowsEverything(String address) throws Exception {
        assertThat(AddressPolicy.ANY.refusal(InetAddress.getByName(address))).isEmpty();
    }
}
