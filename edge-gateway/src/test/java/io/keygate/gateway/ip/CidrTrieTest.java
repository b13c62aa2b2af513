package io.keygate.gateway.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTrieTest {

    private final CidrTrie<String> trie = new CidrTrie<>();

    private List<String> containing(String address) {
        List<String> found = new ArrayList<>();
        trie.forEachContaining(Cidr.parse(address).networkBytes(), found::add);
        return found;
    }

    @Test
    void everyNetworkContainingAnAddressIsFoundFromWidestToNarrowest() {
        trie.add(Cidr.parse("0.0.0.0/0"), "all v4");
        trie.add(Cidr.parse("10.0.0.0/8"), "ten");
        trie.add(Cidr.parse("10.1.0.0/16"), "ten-one");
        trie.add(Cidr.parse("10.1.2.3"), "host");
        trie.add(Cidr.parse("192.168.0.0/16"), "private");

        assertThat(containing("10.1.2.3")).containsExactly("all v4", "ten", "ten-one", "host");
        assertThat(containing("10.2.0.1")).containsExactly("all v4", "ten");
        assertThat(containing("172.16.0.1")).containsExactly("all v4");
    }

    @Test
    void ipv6NetworksAreApartFromIpv4OnesAndMappedAddressesCountAsIpv4() {
        trie.add(Cidr.parse("2001:db8::/32"), "doc");
        trie.add(Cidr.parse("::/0"), "all v6");
        trie.add(Cidr.parse("203.0.113.0/24"), "test-net-3");

        assertThat(containing("2001:db8::1")).containsExactlyInAnyOrder("doc", "all v6");
        assertThat(containing("2001:db9::1")).containsExactly("all v6");
        assertThat(containing("::ffff:203.0.113.9")).containsExactly("test-net-3");
    }

    @Test
    void twoValuesUnderOneNetworkAreBothFound() {
        trie.add(Cidr.parse("198.51.100.0/24"), "a");
        trie.add(Cidr.parse("198.51.100.0/24"), "b");

        assertThat(containing("198.51.100.77")).containsExactly("a", "b");
    }
}
