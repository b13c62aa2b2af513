package io.keygate.events.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses behindLoadBalancers = ClientAddresses.trusting(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddresses direct = ClientAddresses.trusting(List.of());

        assertThat(direct.resolve("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertThat(behindLoadBalancers.resolve("203.0.113.7", List.of("10.1.1.1")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void theFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of("198.51.100.9, 203.0.113.7, 10.2.2.2")))
                .as("198.51.100.9 was written by the client itself and is not believed")
                .isEqualTo("203.0.113.7");
        assertThat(behindLoadBalancers.resolve("fd00::1", List.of("2001:db8::7", "fd00::2")))
                .isEqualTo("2001:db8::7");
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsItselfTheClient() {
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void aHopThatIsNoAddressMakesTheClientUnknown() {
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of("not-an-ip")))
                .isNull();
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of("203.0.113.0/24")))
                .isNull();
    }

    @Test
    void hopsWithAPortOrBracketsAreReadAsTheirAddress() {
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of("203.0.113.7:41234")))
                .isEqualTo("203.0.113.7");
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of("[2001:db8::7]:443")))
                .isEqualTo("2001:db8::7");
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of("[2001:db8::7]")))
                .isEqualTo("2001:db8::7");
        assertThat(behindLoadBalancers.resolve("10.0.0.5", List.of("198.51.100.1, 10.2.2.2:80")))
                .as("a trusted hop with a port is still trusted")
                .isEqualTo("198.51.100.1");
        assertThat(ClientAddresses.withoutPort("2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(ClientAddresses.withoutPort("203.0.113.7:x")).isEqualTo("203.0.113.7:x");
        assertThat(ClientAddresses.withoutPort("[2001:db8::7]:x")).isEqualTo("[2001:db8::7]:x");
    }
}
