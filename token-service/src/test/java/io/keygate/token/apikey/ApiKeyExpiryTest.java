package io.keygate.token.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyRotationCompleted;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.token.apikey.ApiKeyCommand.CompleteRotation;
import io.keygate.token.apikey.ApiKeyCommand.ExpireApiKey;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RotateApiKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expiry and the end of a rotation's grace period, decided without a database. */
class ApiKeyExpiryTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(3600);

    @Test
    void keyExpiresFromItsExpiryInstantOn() {
        ApiKeyState key = expiringKey();

        assertThat(ApiKey.decide(new ExpireApiKey("key_1", "acme", EXPIRY.minusNanos(1)), key))
                .isEmpty();
        assertThat(ApiKey.decide(new ExpireApiKey("key_1", "acme", EXPIRY), key))
                .singleElement()
                .isInstanceOfSatisfying(ApiKeyExpired.class, expired -> {
                    assertThat(expired.key().status()).isEqualTo(ApiKeyStatus.EXPIRED);
                    assertThat(expired.key().expiresAt()).isEqualTo(EXPIRY);
                    assertThat(expired.key().isUsableAt(EXPIRY)).isFalse();
                });
    }

    @Test
    void expiredKeyIsNotExpiredAgain() {
        ApiKeyState expired = ApiKey.replay(ApiKey.decide(new ExpireApiKey("key_1", "acme", EXPIRY), expiringKey()));

        assertThat(ApiKey.decide(new ExpireApiKey("key_1", "acme", EXPIRY.plusSeconds(60)), expired))
                .isEmpty();
    }

    @Test
    void revokedOrNeverExpiringKeysAreNotExpired() {
        ApiKeyState revoked = ApiKey.replay(ApiKey.decide(new RevokeApiKey("key_1", "acme", "x", T0), expiringKey()));
        ApiKeyState forever = ApiKey.replay(
                ApiKey.decide(new IssueApiKey("key_1", "acme", "m", "h1", ApiKeyAttributes.named("k"), T0), null));

        assertThat(ApiKey.decide(new ExpireApiKey("key_1", "acme", EXPIRY), revoked))
                .isEmpty();
        assertThat(ApiKey.decide(new ExpireApiKey("key_1", "acme", EXPIRY), forever))
                .isEmpty();
    }

    @Test
    void rotationCompletesWhenTheGracePeriodEndsAndOnlyOnce() {
        ApiKeyState rotated = ApiKey.replay(ApiKey.decide(
                new RotateApiKey("key_1", "acme", "m2", "h2", Duration.ofMinutes(10), T0), expiringKey()));
        Instant graceEnd = T0.plus(Duration.ofMinutes(10));

        assertThat(ApiKey.decide(new CompleteRotation("key_1", "acme", graceEnd.minusNanos(1)), rotated))
                .isEmpty();
        var events = ApiKey.decide(new CompleteRotation("key_1", "acme", graceEnd), rotated);
        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyRotationCompleted.class, completed -> {
            assertThat(completed.key().previousKeyHash()).isNull();
            assertThat(completed.key().previousKeyValidUntil()).isNull();
            assertThat(completed.key().keyHash()).isEqualTo("h2");
        });
        assertThat(ApiKey.decide(new CompleteRotation("key_1", "acme", graceEnd), ApiKey.replay(events)))
                .isEmpty();
    }

    @Test
    void keyWithoutRotationHasNothingToComplete() {
        assertThat(ApiKey.decide(new CompleteRotation("key_1", "acme", EXPIRY), expiringKey()))
                .isEmpty();
    }

    private static ApiKeyState expiringKey() {
        return ApiKey.replay(ApiKey.decide(
                new IssueApiKey(
                        "key_1",
                        "acme",
                        "m",
                        "h1",
                        new ApiKeyAttributes("k", null, null, null, EXPIRY, null, null, null, null),
                        T0),
                null));
    }
}
