package io.keygate.token.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.events.policy.TokenPolicyState;
import io.keygate.events.token.ApiKeyExpired;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyRotationDue;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.TokenEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPolicyAlignmentTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(10));

    @Test
    void keyWithoutExpiryGetsOneWhenExpiryBecomesRequired() {
        List<TokenEvent> events =
                TokenPolicyAlignment.decide(policy(Duration.ofDays(30), true, List.of()), key(null, List.of()), NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyUpdated.class, updated -> {
            assertThat(updated.key().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
            assertThat(updated.changedFields()).containsExactly("expiresAt");
        });
    }

    @Test
    void requiredExpiryWithoutMaximumUsesTheDefaultLifetime() {
        assertThat(TokenPolicyAlignment.decide(policy(null, true, List.of()), key(null, List.of()), NOW))
                .singleElement()
                .satisfies(event -> assertThat(event.key().expiresAt())
                        .isEqualTo(NOW.plus(TokenPolicyAlignment.DEFAULT_IMPOSED_LIFETIME)));
    }

    @Test
    void expiryBeyondTheMaximumIsShortenedAndAnAlignedKeyGetsNothingMore() {
        ApiKeyState farOff = key(NOW.plus(Duration.ofDays(365)), List.of());
        List<TokenEvent> first =
                TokenPolicyAlignment.decide(policy(Duration.ofDays(30), false, List.of()), farOff, NOW);

        assertThat(first)
                .singleElement()
                .satisfies(e -> assertThat(e.key().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30))));
        assertThat(TokenPolicyAlignment.decide(
                        policy(Duration.ofDays(30), false, List.of()),
                        first.get(0).key(),
                        NOW.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void allowListIsNarrowedToTheAllowedNetworks() {
        ApiKeyState wide = key(null, List.of("10.0.0.0/8", "10.1.2.0/24", "192.168.0.0/16"));
        List<TokenEvent> events = TokenPolicyAlignment.decide(policy(null, false, List.of("10.1.0.0/16")), wide, NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyUpdated.class, updated -> {
            assertThat(updated.key().ipAllowList()).containsExactly("10.1.0.0/16", "10.1.2.0/24");
            assertThat(updated.changedFields()).containsExactly("ipAllowList");
        });
    }

    @Test
    void keyUsableAnywhereIsLimitedToTheAllowedNetworks() {
        assertThat(TokenPolicyAlignment.decide(
                        policy(null, false, List.of("203.0.113.0/24")), key(null, List.of()), NOW))
                .singleElement()
                .satisfies(e -> assertThat(e.key().ipAllowList()).containsExactly("203.0.113.0/24"));
    }

    @Test
    void keyWithNoAllowedNetworkLeftIsRevokedNamingTheRule() {
        assertThat(TokenPolicyAlignment.decide(
                        policy(null, false, List.of("203.0.113.0/24")), key(null, List.of("192.168.0.0/16")), NOW))
                .singleElement()
                .isInstanceOfSatisfying(
                        ApiKeyRevoked.class,
                        revoked -> assertThat(revoked.reason()).contains("allowedCidrs"));
    }

    @Test
    void oldSecretIsWarnedOncePerSecret() {
        TokenPolicyState ageing =
                new TokenPolicyState("acme", null, false, Duration.ofDays(12), 5, false, List.of(), 1, T0);
        List<TokenEvent> warned = TokenPolicyAlignment.decide(ageing, key(null, List.of()), NOW);

        assertThat(warned)
                .singleElement()
                .isInstanceOfSatisfying(
                        ApiKeyRotationDue.class,
                        due -> assertThat(due.rotateBy()).isEqualTo(T0.plus(Duration.ofDays(12))));
        assertThat(TokenPolicyAlignment.decide(ageing, warned.get(0).key(), NOW.plusSeconds(60)))
                .isEmpty();
        ApiKeyState rotated = warned.get(0).key().withNewSecret("kg_test_New…", "h2", null, null, NOW);
        assertThat(TokenPolicyAlignment.decide(ageing, rotated, NOW.plusSeconds(60)))
                .isEmpty();
        assertThat(TokenPolicyAlignment.decide(ageing, rotated, NOW.plus(Duration.ofDays(8))))
                .singleElement()
                .isInstanceOf(ApiKeyRotationDue.class);
    }

    @Test
    void tooOldSecretIsExpiredAtItsAgeLimitWhenThePolicySaysSo() {
        TokenPolicyState forcing =
                new TokenPolicyState("acme", null, false, Duration.ofDays(9), 0, true, List.of(), 1, T0);
        List<TokenEvent> events = TokenPolicyAlignment.decide(forcing, key(null, List.of()), NOW);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ApiKeyRotationDue.class);
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        ApiKeyExpired.class,
                        expired -> assertThat(expired.key().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(9))));
        assertThat(TokenPolicyAlignment.decide(forcing, events.get(1).key(), NOW))
                .isEmpty();
    }

    @Test
    void compliantKeyGetsNoEvent() {
        ApiKeyState compliant = key(NOW.plus(Duration.ofDays(5)), List.of("10.1.2.0/24"));
        assertThat(TokenPolicyAlignment.decide(
                        policy(Duration.ofDays(30), true, List.of("10.0.0.0/8")), compliant, NOW))
                .isEmpty();
    }

    private static TokenPolicyState policy(Duration maxLifetime, boolean expiryRequired, List<String> cidrs) {
        return new TokenPolicyState("acme", maxLifetime, expiryRequired, null, 0, false, cidrs, 1, T0);
    }

    private static ApiKeyState key(Instant expiresAt, List<String> allowList) {
        ApiKeyAttributes attributes =
                new ApiKeyAttributes("k", null, null, List.of(), expiresAt, allowList, null, null, null);
        return ApiKey.decide(
                        new ApiKeyCommand.IssueApiKey("key_1", "acme", "kg_test_AbCd…", "h1", attributes, T0), null)
                .get(0)
                .key();
    }
}
