package io.keygate.token.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyRevoked;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.TokenEvent;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** given(events).when(command).then(events), no database. */
class ApiKeyTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final IssueApiKey ISSUE = new IssueApiKey(
            "key_1",
            "acme",
            "kg_test_AbCd…wXyZ",
            "hash",
            new ApiKeyAttributes(
                    "ci", null, null, List.of("orders:read"), T0.plusSeconds(3600), null, null, null, null),
            T0);

    @Test
    void issuingANewKeyEmitsIssuedWithActiveState() {
        List<TokenEvent> events = ApiKey.decide(ISSUE, null);

        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyIssued.class, issued -> {
            assertThat(issued.key().status()).isEqualTo(ApiKeyStatus.ACTIVE);
            assertThat(issued.key().keyHash()).isEqualTo("hash");
            assertThat(issued.key().expiresAt()).isEqualTo(T0.plusSeconds(3600));
        });
    }

    @Test
    void issuingWithAnExpiryInThePastIsRejected() {
        IssueApiKey expired = new IssueApiKey(
                "key_1",
                "acme",
                "m",
                "hash",
                new ApiKeyAttributes("ci", null, null, List.of(), T0.minusSeconds(1), null, null, null, null),
                T0);
        assertThatThrownBy(() -> ApiKey.decide(expired, null))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(ApiKeyRejection.ExpiryInThePast.class));
    }

    @Test
    void revokingAnActiveKeyEmitsRevokedWithReasonAndTime() {
        ApiKeyState active = given(ApiKey.decide(ISSUE, null));

        List<TokenEvent> events =
                ApiKey.decide(new RevokeApiKey("key_1", "acme", "leaked", T0.plusSeconds(60)), active);

        assertThat(events).singleElement().isInstanceOfSatisfying(ApiKeyRevoked.class, revoked -> {
            assertThat(revoked.reason()).isEqualTo("leaked");
            assertThat(revoked.key().status()).isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(revoked.key().revokedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(revoked.key().isUsableAt(T0.plusSeconds(61))).isFalse();
        });
    }

    @Test
    void revokingARevokedKeyEmitsNothing() {
        ApiKeyState active = given(ApiKey.decide(ISSUE, null));
        ApiKeyState revoked = ApiKey.evolve(
                active,
                ApiKey.decide(new RevokeApiKey("key_1", "acme", "x", T0), active)
                        .get(0));

        assertThat(ApiKey.decide(new RevokeApiKey("key_1", "acme", "again", T0), revoked))
                .isEmpty();
    }

    @Test
    void anotherTenantsKeyIsNotFound() {
        ApiKeyState active = given(ApiKey.decide(ISSUE, null));
        assertThatThrownBy(() -> ApiKey.decide(new RevokeApiKey("key_1", "other", "x", T0), active))
                .isInstanceOfSatisfying(
                        ApiKeyRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(ApiKeyRejection.NotFound.class));
    }

    @Test
    void issuingAnExistingIdIsRejected() {
        ApiKeyState active = given(ApiKey.decide(ISSUE, null));
        assertThatThrownBy(() -> ApiKey.decide(ISSUE, active)).isInstanceOf(ApiKeyRejectedException.class);
    }

    private static ApiKeyState given(List<TokenEvent> events) {
        return ApiKey.replay(events);
    }
}
