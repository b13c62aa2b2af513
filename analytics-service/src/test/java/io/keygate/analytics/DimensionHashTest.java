package io.keygate.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.analytics.clientip.ClientIpKey;
import io.keygate.analytics.rollup.Granularity;
import io.keygate.analytics.rollup.RollupKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DimensionHashTest {

    private static final Instant HOUR = Instant.parse("2026-12-07T01:00:00Z");

    private static int pair(String tenant, String subject) {
        return DimensionHash.with(DimensionHash.with(DimensionHash.EMPTY, tenant), subject);
    }

    @Test
    void tenantsAndAddressesDifferingInTheirLastCharactersShareNoHash() {
        // Ten tenants and 2,000 addresses: with 31 * tenant + address, a tenant one higher cancels an address's
        // second-to-last digit one lower, and 20,000 pairs fell into ~4,700 bins of a map.
        Set<Integer> hashes = new HashSet<>();
        int pairs = 0;
        for (int t = 0; t < 10; t++) {
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 250; j++) {
                    hashes.add(pair("tenant-" + t, "198.51." + i + "." + j));
                    pairs++;
                }
            }
        }

        assertThat(hashes).hasSize(pairs);
    }

    @Test
    void keysOfManyTenantsFillAMapsBinsEvenly() {
        // HashMap's own index: the low bits of the hash with its high half folded in.
        int bins = 1 << 14;
        Map<Integer, Integer> perBin = new HashMap<>();
        for (int k = 0; k < 10_000; k++) {
            int h = pair("tenant-" + (k % 10), "key_bench_" + k);
            perBin.merge((h ^ (h >>> 16)) & (bins - 1), 1, Integer::sum);
        }

        // Uniform hashing puts 10,000 keys in ~7,900 of 16,384 bins; a bin of 8 turns into a tree.
        assertThat(perBin.size()).isGreaterThan(7_500);
        assertThat(perBin.values()).allMatch(n -> n < 8);
    }

    @Test
    void equalKeysHashAlike() {
        RollupKey minute = new RollupKey(Granularity.MINUTE, HOUR, "tenant-1", "app", "key_1", "rt_1", 2);
        RollupKey same = new RollupKey(Granularity.MINUTE, HOUR, "tenant-1", "app", "key_1", "rt_1", 2);
        ClientIpKey address = new ClientIpKey("tenant-1", "key_1", HOUR, "10.0.0.1");

        assertThat(minute).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(minute.hashCode()).isNotEqualTo(minute.in(Granularity.HOUR).hashCode());
        assertThat(address).hasSameHashCodeAs(new ClientIpKey("tenant-1", "key_1", HOUR, "10.0.0.1"));
        assertThat(DimensionHash.with(DimensionHash.EMPTY, (Object) null))
                .isEqualTo(DimensionHash.with(DimensionHash.EMPTY, 0));
    }
}
