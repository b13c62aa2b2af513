package io.keygate.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DimensionHashTest {

    @Test
    void tenantsAndAddressesDifferingInTheirLastCharactersShareNoHash() {
        // Ten tenants and 2,000 addresses: with 31 * tenant + address, a tenant one higher cancels an address's
        // second-to-last digit one lower, and these 20,000 pairs fell into ~4,700 bins of a map.
        Set<Integer> hashes = new HashSet<>();
        int pairs = 0;
        for (int t = 0; t < 10; t++) {
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 250; j++) {
                    hashes.add(DimensionHash.of("tenant-" + t, "198.51." + i + "." + j));
                    pairs++;
                }
            }
        }

        assertThat(hashes).hasSize(pairs);
    }

    @Test
    void keysOfManyTenantsFillAMapsLowBitsEvenly() {
        // The low bits alone, without the high half HashMap folds in: the finish must have mixed it in already.
        int bins = 1 << 14;
        Map<Integer, Integer> perBin = new HashMap<>();
        for (int k = 0; k < 10_000; k++) {
            perBin.merge(DimensionHash.of("tenant-" + (k % 10), "key_bench_" + k) & (bins - 1), 1, Integer::sum);
        }

        // Uniform hashing puts 10,000 keys in ~7,490 of 16,384 bins (σ ≈ 33); a bin of 8 turns into a tree.
        assertThat(perBin.size()).isGreaterThan(7_300);
        assertThat(perBin.values()).allMatch(n -> n < 8);
    }

    @Test
    void aMissingComponentCountsAsZero() {
        assertThat(DimensionHash.with(DimensionHash.EMPTY, (Object) null))
                .isEqualTo(DimensionHash.with(DimensionHash.EMPTY, 0));
    }
}
