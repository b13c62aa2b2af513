package io.keygate.token.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.token.ApiKeyRotated;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RotateApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation: given(events).when(command).then(events), no database. */
class ApiKeyRotationTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @Test
    void rotationReplacesTheSecretAndKeepsTheOldHashForTheGracePeriod() {
        ApiKeyState key = issued();

        var events = ApiKey.decide(rotate("h2", Duration.ofHours(24), T1), key);

        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyRotated.class, rotated -> {
            assertThat(rotated.key().keyHash()).isEqualTo("h2");
            assertThat(rotated.key().maskedKey()).isEqualTo("mask-h2");
            assertThat(rotated.key().previousKeyHash()).isEqualTo("h1");
            assertThat(rotated.key().previousKeyValidUntil()).isEqualTo(T1.plus(Duration.ofHours(24)));
            assertThat(rotated.key().status()).isEqualTo(ApiKeyStatus.ACTIVE);
            assertThat(rotated.key().name()).isEqualTo(key.name());
            assertThat(rotated.key().scopes()).isEqualTo(key.scopes());
            assertThat(rotated.key()
                            .isPreviousKeyUsableAt(T1.plus(Duration.ofHours(24)).minusNanos(1)))
                    .isTrue();
            assertThat(rotated.key().isPreviousKeyUsableAt(T1.plus(Duration.ofHours(24))))
                    .isFalse();
        });
    }

    @Test
    void rotationWithoutGraceDropsTheOldSecretAtOnce() {
        ApiKeyState rotated = ApiKey.replay(ApiKey.decide(rotate("h2", Duration.ZERO, T1), issued()));

        assertThat(rotated.previousKeyHash()).isNull();
        assertThat(rotated.previousKeyValidUntil()).isNull();
    }

    @Test
    void secondRotationDuringTheGracePeriodDropsTheOldestSecret() {
        ApiKeyState once = ApiKey.replay(ApiKey.decide(rotate("h2", Duration.ofHours(1), T1), issued()));

        ApiKeyState twice = ApiKey.replay(ApiKey.decide(rotate("h3", Duration.ofHours(2), T1.plusSeconds(5)), once));

        assertThat(twice.keyHash()).isEqualTo("h3");
        assertThat(twice.previousKeyHash()).isEqualTo("h2");
        assertThat(twice.previousKeyValidUntil()).isEqualTo(T1.plusSeconds(5).plus(Duration.ofHours(2)));
    }

    @Test
    void gracePeriodIsBoundedByThirtyDays() {
        assertThat(ApiKey.decide(rotate("h2", Duration.ofDays(30), T1), issued()))
                .hasSize(1);
        assertGraceRefused(Duration.ofDays(30).plusSeconds(1));
        assertGraceRefused(Duration.ofSeconds(-1));
    }

    @Test
    void revokedKeyCannotBeRotated() {
        ApiKeyState revoked = ApiKey.replay(ApiKey.decide(new RevokeApiKey("key_1", "acme", "x", T1), issued()));

        assertThatThrownBy(() -> ApiKey.decide(rotate("h2", Duration.ZERO, T1), revoked))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(ApiKeyRejection.NotActive.class));
    }

    @Test
    void keyPastItsExpiryCannotBeRotated() {
        ApiKeyState expiring = ApiKey.replay(ApiKey.decide(
                new IssueApiKey(
                        "key_1",
                        "acme",
                        "mask-h1",
                        "h1",
                        new ApiKeyAttributes("k", null, null, null, T0.plusSeconds(30), null, null, null, null),
                        T0),
                null));

        assertThatThrownBy(() -> ApiKey.decide(rotate("h2", Duration.ZERO, T0.plusSeconds(30)), expiring))
                .isInstanceOf(ApiKeyRejectedException.class);
    }

    @Test
    void anotherTenantsKeyIsNotFound() {
        assertThatThrownBy(
                        () -> ApiKey.decide(new RotateApiKey("key_1", "other", "m", "h2", Duration.ZERO, T1), issued()))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(ApiKeyRejection.NotFound.class));
    }

    private static void assertGraceRefused(Duration grace) {
        assertThatThrownBy(() -> ApiKey.decide(rotate("h2", grace, T1), issued()))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection())
                                .isEqualTo(new ApiKeyRejection.InvalidAttribute(
                                        "gracePeriod", "must be between PT0S and P30D")));
    }

    private static ApiKeyState issued() {
        return ApiKey.replay(ApiKey.decide(
                new IssueApiKey(
                        "key_1",
                        "acme",
                        "mask-h1",
                        "h1",
                        new ApiKeyAttributes("k", null, null, List.of("orders:read"), null, null, null, null, null),
                        T0),
                null));
    }

    private static RotateApiKey rotate(String newHash, Duration grace, Instant at) {
        return new RotateApiKey("key_1", "acme", "mask-" + newHash, newHash, grace, at);
    }
}
