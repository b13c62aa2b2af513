package io.keygate.events.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "203.0.113.0/24, 203.0.113.0/24",
        "198.51.100.7, 198.51.100.7/32",
        "0.0.0.0/0, 0.0.0.0/0",
        "255.255.255.255/32, 255.255.255.255/32",
        "10.0.0.0/8, 10.0.0.0/8",
        "2001:DB8::/32, 2001:db8::/32",
        "2001:0db8:0000:0000:0000:0000:0000:0000/32, 2001:db8::/32",
        "::/0, ::/0",
        "::1, ::1/128",
        "fe80::1:0:0:0:1/128, fe80:0:0:1::1/128",
        "2001:db8:0:1:1:1:1:1/128, 2001:db8:0:1:1:1:1:1/128",
        "2001:db8::1:0:0:0/128, 2001:db8:0:0:1::/128",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3/128",
        "::ffff:192.0.2.1, 192.0.2.1/32",
        "::ffff:192.0.2.0/120, 192.0.2.0/24",
        "::FFFF:c000:0200/120, 192.0.2.0/24",
        "::ffff:0:0/96, 0.0.0.0/0",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221/128",
        "::192.0.2.1, ::c000:201/128"
    })
    void validCidrsAreNormalised(String input, String canonical) {
        assertThat(Cidr.parse(input)).hasToString(canonical);
    }

    @Test
    void normalisedTextParsesToItself() {
        for (String text : new String[] {"192.0.2.0/24", "2001:db8::/48", "::/0", "fe80:0:0:1::1/128"}) {
            assertThat(Cidr.parse(Cidr.parse(text).toString()))
                    .hasToString(text)
                    .isEqualTo(Cidr.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0/33",
                "2001:db8::/129",
                "10.0.0.0/-1",
                "10.0.0.0/",
                "10.0.0.0/08",
                "10.0.0.0/1a",
                "10.0.0.0/8/8",
                "10.0.0.0/ 8",
                "10.0.0.0/1000"
            })
    void badPrefixLengthsAreRefused(String input) {
        assertThatThrownBy(() -> Cidr.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostBitsAreRefusedNamingTheNetwork() {
        assertThatThrownBy(() -> Cidr.parse("10.1.2.3/8")).hasMessage("has host bits set; did you mean 10.0.0.0/8?");
        assertThatThrownBy(() -> Cidr.parse("2001:db8::1/32"))
                .hasMessage("has host bits set; did you mean 2001:db8::/32?");
        assertThatThrownBy(() -> Cidr.parse("::ffff:192.0.2.1/120"))
                .hasMessage("has host bits set; did you mean 192.0.2.0/24?");
        assertThatThrownBy(() -> Cidr.parse("192.0.2.129/25")).hasMessageContaining("192.0.2.128/25");
    }

    @Test
    void mappedIpv4NeedsAPrefixInsideTheMappedRange() {
        assertThatThrownBy(() -> Cidr.parse("::ffff:0:0/95")).hasMessageContaining("at least /96");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "localhost",
                "example.org/24",
                "1.2.3",
                "1.2.3.4.5",
                "256.0.0.0/8",
                "01.2.3.4",
                "1.2.3.04",
                "1..2.3",
                " 1.2.3.4",
                "1.2.3.4 ",
                "0x7f.0.0.1",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7::8",
                "1::2::3",
                ":::",
                ":1::",
                "1::2:",
                "12345::",
                "fe80::1%eth0",
                "g::1",
                "::ffff:1.2.3",
                "::1.2.3.4:5",
                "1.2.3.4::",
                "-1.0.0.0"
            })
    void malformedAddressesAreRefused(String input) {
        assertThatThrownBy(() -> Cidr.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullAndOverlongTextAreRefused() {
        assertThatThrownBy(() -> Cidr.parse(null)).hasMessage("must not be empty");
        assertThatThrownBy(() -> Cidr.parse("1".repeat(65))).hasMessage("is too long to be a CIDR");
    }

    @Test
    void containsAddressesInsideTheNetworkOnly() throws UnknownHostException {
        Cidr v4 = Cidr.parse("192.0.2.0/24");
        assertThat(v4.contains(bytes("192.0.2.200"))).isTrue();
        assertThat(v4.contains(bytes("192.0.3.1"))).isFalse();
        assertThat(v4.contains(
                        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7}))
                .as("IPv4-mapped client address")
                .isTrue();
        Cidr v6 = Cidr.parse("2001:db8::/32");
        assertThat(v6.contains(bytes("2001:db8:ffff::1"))).isTrue();
        assertThat(v6.contains(bytes("2001:db9::1"))).isFalse();
        assertThat(v6.contains(bytes("192.0.2.1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(bytes("203.0.113.9"))).isTrue();
    }

    @Test
    void familyAndPrefixAreExposed() {
        assertThat(Cidr.parse("10.0.0.0/8").isIpv4()).isTrue();
        assertThat(Cidr.parse("::ffff:10.0.0.0/104").isIpv4()).isTrue();
        assertThat(Cidr.parse("::ffff:10.0.0.0/104").prefixLength()).isEqualTo(8);
        assertThat(Cidr.parse("2001:db8::/32").isIpv4()).isFalse();
    }

    private static byte[] bytes(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal).getAddress(); // literals only: no lookup happens
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.1.0.0/16, true",
        "10.0.0.0/8, 10.0.0.0/8, true",
        "10.1.0.0/16, 10.0.0.0/8, false",
        "10.0.0.0/8, 11.0.0.0/16, false",
        "0.0.0.0/0, 203.0.113.7, true",
        "2001:db8::/32, 2001:db8:1::/48, true",
        "2001:db8::/32, 10.0.0.0/8, false",
        "::/0, 10.0.0.0/8, false"
    })
    void networkContainsOnlyNetworksInsideIt(String outer, String inner, boolean contained) {
        assertThat(Cidr.parse(outer).contains(Cidr.parse(inner))).isEqualTo(contained);
    }

    @Test
    void networksOverlapWhenOneContainsTheOther() {
        assertThat(Cidr.parse("10.1.0.0/16").overlaps(Cidr.parse("10.0.0.0/8"))).isTrue();
        assertThat(Cidr.parse("10.1.0.0/16").overlaps(Cidr.parse("10.2.0.0/16")))
                .isFalse();
    }
}
