package io.keygate.token.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final PublicJwk JWK = new PublicJwk("RSA", "sk_1", "sig", "RS256", "n", "AQAB");

    @Test
    void theSigningKeyIsNeverRetirable() {
        SigningKey active = new SigningKey("sk_1", JWK, T0, T0, null, null);

        assertThat(active.isRetirableAt(T0.plus(Duration.ofDays(365)), LIFETIME, SKEW))
                .isFalse();
        assertThat(active.isInKeySet()).isTrue();
    }

    @Test
    void aSupersededKeyIsRetirableOnceItsLastTokenHasExpiredPlusTheClockSkew() {
        Instant superseded = T0.plus(Duration.ofHours(2));
        SigningKey key = new SigningKey("sk_1", JWK, T0, T0, superseded, null);
        Instant lastExpiry = superseded.plus(LIFETIME).plus(SKEW);

        assertThat(key.isRetirableAt(lastExpiry.minusMillis(1), LIFETIME, SKEW)).isFalse();
        assertThat(key.isRetirableAt(lastExpiry, LIFETIME, SKEW)).isTrue();
    }

    @Test
    void retiringCarriesThePublicKeyOnlyAndHappensOnce() {
        SigningKey key = new SigningKey("sk_1", JWK, T0, T0, T0.plusSeconds(10), null);
        var retired = key.retire(T0.plusSeconds(2000));

        assertThat(retired.key().status()).isEqualTo(SigningKeyStatus.RETIRED);
        assertThat(retired.key().publicKey()).isEqualTo(JWK);
        SigningKey gone = new SigningKey("sk_1", JWK, T0, T0, T0.plusSeconds(10), T0.plusSeconds(2000));
        assertThat(gone.isInKeySet()).isFalse();
        assertThatThrownBy(() -> gone.retire(T0.plusSeconds(3000))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPublishedKeyIsPublishedWithItsPublicJwk() {
        var published = SigningKey.published("sk_1", JWK, T0);

        assertThat(published.key().status()).isEqualTo(SigningKeyStatus.PUBLISHED);
        assertThat(published.key().publishedAt()).isEqualTo(T0);
    }
}
