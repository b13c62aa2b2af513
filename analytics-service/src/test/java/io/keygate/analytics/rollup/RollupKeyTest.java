package io.keygate.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollupKeyTest {

    private static final Instant HOUR = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void equalKeysHashAlike() {
        assertThat(new RollupKey(Granularity.MINUTE, HOUR, "tenant-1", "app", "key_1", "rt_1", 2))
                .isEqualTo(new RollupKey(Granularity.MINUTE, HOUR, "tenant-1", "app", "key_1", "rt_1", 2))
                .hasSameHashCodeAs(new RollupKey(Granularity.MINUTE, HOUR, "tenant-1", "app", "key_1", "rt_1", 2));
    }

    @Test
    void theSameDimensionsAtAnotherGranularityAreAnotherKey() {
        RollupKey minute = new RollupKey(Granularity.MINUTE, HOUR, "tenant-1", "app", "key_1", "rt_1", 2);

        assertThat(minute.in(Granularity.HOUR)).isNotEqualTo(minute);
        assertThat(minute.in(Granularity.HOUR).hashCode()).isNotEqualTo(minute.hashCode());
    }
}
