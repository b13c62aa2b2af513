package io.keygate.gateway.state;

import static io.keygate.gateway.testdata.ApiKeyBuilder.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyVerdictTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void noKeyIsUnknown() {
        assertThat(KeyVerdict.of(null, NOW)).isEqualTo(KeyVerdict.UNKNOWN);
    }

    @Test
    void activeKeyWithoutExpiryIsUsable() {
        assertThat(KeyVerdict.of(anApiKey().build(), NOW)).isEqualTo(KeyVerdict.USABLE);
    }

    @Test
    void activeKeyBeforeItsExpiryIsUsable() {
        assertThat(KeyVerdict.of(anApiKey().expiringAt(NOW.plusMillis(1)).build(), NOW)).isEqualTo(KeyVerdict.USABLE);
    }

    @Test
    void keyIsExpiredFromItsExpiryInstantOn() {
        assertThat(KeyVerdict.of(anApiKey().expiringAt(NOW).build(), NOW)).isEqualTo(KeyVerdict.EXPIRED);
        assertThat(KeyVerdict.of(anApiKey().expiringAt(NOW.minusSeconds(1)).build(), NOW)).isEqualTo(KeyVerdict.EXPIRED);
    }

    @Test
    void revokedKeyIsRevokedEvenBeforeItsExpiry() {
        assertThat(KeyVerdict.of(anApiKey().expiringAt(NOW.plusSeconds(60)).revoked("leaked").build(), NOW))
                .isEqualTo(KeyVerdict.REVOKED);
    }

    @Test
    void verdictAgreesWithTheEventContractsUsability() {
        var usable = anApiKey().expiringAt(NOW.plusSeconds(1)).build();
        var expired = anApiKey().expiringAt(NOW).build();
        assertThat(usable.isUsableAt(NOW)).isTrue();
        assertThat(expired.isUsableAt(NOW)).isFalse();
    }
}
