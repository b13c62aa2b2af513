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
        assertThat(KeyVerdict.of(anApiKey().expiringAt(NOW.plusMillis(1)).build(), NOW))
                .isEqualTo(KeyVerdict.USABLE);
    }

    @Test
    void keyIsExpiredFromItsExpiryInstantOn() {
        assertThat(KeyVerdict.of(anApiKey().expiringAt(NOW).build(), NOW)).isEqualTo(KeyVerdict.EXPIRED);
        assertThat(KeyVerdict.of(anApiKey().expiringAt(NOW.minusSeconds(1)).build(), NOW))
                .isEqualTo(KeyVerdict.EXPIRED);
    }

    @Test
    void revokedKeyIsRevokedEvenBeforeItsExpiry() {
        assertThat(KeyVerdict.of(
                        anApiKey()
                                .expiringAt(NOW.plusSeconds(60))
                                .revoked("leaked")
                                .build(),
                        NOW))
                .isEqualTo(KeyVerdict.REVOKED);
    }

    @Test
    void verdictAgreesWithTheEventContractsUsability() {
        var usable = anApiKey().expiringAt(NOW.plusSeconds(1)).build();
        var expired = anApiKey().expiringAt(NOW).build();
        assertThat(usable.isUsableAt(NOW)).isTrue();
        assertThat(expired.isUsableAt(NOW)).isFalse();
    }

    @Test
    void replacedSecretIsUsableUntilTheGracePeriodEndsAndRefusedFromThenOn() {
        var rotated =
                anApiKey().withHash("old").rotatedTo("new", NOW.plusSeconds(60)).build();

        assertThat(KeyVerdict.of(rotated, "old", NOW)).isEqualTo(KeyVerdict.USABLE);
        assertThat(KeyVerdict.of(rotated, "old", NOW.plusSeconds(60).minusNanos(1)))
                .isEqualTo(KeyVerdict.USABLE);
        assertThat(KeyVerdict.of(rotated, "old", NOW.plusSeconds(60))).isEqualTo(KeyVerdict.EXPIRED);
        assertThat(KeyVerdict.of(rotated, "old", NOW.plusSeconds(3600))).isEqualTo(KeyVerdict.EXPIRED);
    }

    @Test
    void newSecretIsUsableDuringAndAfterTheGracePeriod() {
        var rotated =
                anApiKey().withHash("old").rotatedTo("new", NOW.plusSeconds(60)).build();

        assertThat(KeyVerdict.of(rotated, "new", NOW)).isEqualTo(KeyVerdict.USABLE);
        assertThat(KeyVerdict.of(rotated, "new", NOW.plusSeconds(3600))).isEqualTo(KeyVerdict.USABLE);
        assertThat(KeyVerdict.of(rotated, NOW.plusSeconds(3600))).isEqualTo(KeyVerdict.USABLE);
    }

    @Test
    void replacedSecretDiesWithTheKey() {
        var rotatedThenRevoked = anApiKey()
                .withHash("old")
                .rotatedTo("new", NOW.plusSeconds(60))
                .revoked("x")
                .build();
        var rotatedAndExpiring = anApiKey()
                .withHash("old")
                .expiringAt(NOW.plusSeconds(10))
                .rotatedTo("new", NOW.plusSeconds(60))
                .build();

        assertThat(KeyVerdict.of(rotatedThenRevoked, "old", NOW)).isEqualTo(KeyVerdict.REVOKED);
        assertThat(KeyVerdict.of(rotatedAndExpiring, "old", NOW.plusSeconds(10)))
                .isEqualTo(KeyVerdict.EXPIRED);
    }

    @Test
    void replacedSecretIsRefusedOnceTheRotationCompleted() {
        var completed = anApiKey()
                .withHash("old")
                .rotatedTo("new", NOW.plusSeconds(60))
                .rotationCompleted()
                .build();

        assertThat(KeyVerdict.of(completed, "old", NOW)).isEqualTo(KeyVerdict.EXPIRED);
    }

    @Test
    void keyWithExpiredStatusIsExpiredWhateverItsExpiryField() {
        assertThat(KeyVerdict.of(anApiKey().expired().build(), NOW)).isEqualTo(KeyVerdict.EXPIRED);
        assertThat(KeyVerdict.of(
                        anApiKey().expiringAt(NOW.plusSeconds(60)).expired().build(), NOW))
                .isEqualTo(KeyVerdict.EXPIRED);
    }
}
