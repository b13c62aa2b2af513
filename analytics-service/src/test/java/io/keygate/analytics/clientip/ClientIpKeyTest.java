package io.keygate.analytics.clientip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientIpKeyTest {

    private static final Instant HOUR = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void equalKeysHashAlike() {
        assertThat(new ClientIpKey("tenant-1", "key_1", HOUR, "10.0.0.1"))
                .isEqualTo(new ClientIpKey("tenant-1", "key_1", HOUR, "10.0.0.1"))
                .hasSameHashCodeAs(new ClientIpKey("tenant-1", "key_1", HOUR, "10.0.0.1"));
    }
}
