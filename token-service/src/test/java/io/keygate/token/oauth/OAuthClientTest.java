package io.keygate.token.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.oauth.OAuthClientEvent;
import io.keygate.events.oauth.OAuthClientRegistered;
import io.keygate.events.oauth.OAuthClientRevoked;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import io.keygate.token.oauth.OAuthClientCommand.RegisterClient;
import io.keygate.token.oauth.OAuthClientCommand.RevokeClient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OAuthClientTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final String HASH = "h".repeat(43);
    private final RegisterClient register =
            new RegisterClient("kgc_1", "acme", "billing", "batch", "kgcs_AbCd…wXyZ", HASH, List.of("orders:read"), T0);

    @Test
    void registeringANewClientEmitsItsActiveStateWithoutTheSecret() {
        List<OAuthClientEvent> events = OAuthClient.decide(register, null);

        assertThat(events).singleElement().isInstanceOfSatisfying(OAuthClientRegistered.class, e -> {
            assertThat(e.client().status()).isEqualTo(OAuthClientStatus.ACTIVE);
            assertThat(e.client().secretHash()).isEqualTo(HASH);
            assertThat(e.client().applicationId()).isEqualTo("billing");
            assertThat(e.client().scopes()).containsExactly("orders:read");
        });
    }

    @Test
    void registeringAnExistingClientIdIsRefused() {
        OAuthClientState existing = OAuthClient.replay(OAuthClient.decide(register, null));

        assertThatThrownBy(() -> OAuthClient.decide(register, existing))
                .isInstanceOfSatisfying(
                        OAuthClientRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(OAuthClientRejection.AlreadyExists.class));
    }

    @Test
    void revokingEmitsTheRevokedStateOnceAndThenNothing() {
        OAuthClientState active = OAuthClient.replay(OAuthClient.decide(register, null));
        List<OAuthClientEvent> revoked =
                OAuthClient.decide(new RevokeClient("kgc_1", "acme", T0.plusSeconds(5)), active);

        assertThat(revoked).singleElement().isInstanceOfSatisfying(OAuthClientRevoked.class, e -> {
            assertThat(e.client().status()).isEqualTo(OAuthClientStatus.REVOKED);
            assertThat(e.client().revokedAt()).isEqualTo(T0.plusSeconds(5));
        });
        OAuthClientState after = OAuthClient.evolve(active, revoked.get(0));
        assertThat(OAuthClient.decide(new RevokeClient("kgc_1", "acme", T0.plusSeconds(9)), after))
                .isEmpty();
    }

    @Test
    void anotherTenantsClientIsNotFound() {
        OAuthClientState active = OAuthClient.replay(OAuthClient.decide(register, null));

        assertThatThrownBy(() -> OAuthClient.decide(new RevokeClient("kgc_1", "other", T0), active))
                .isInstanceOfSatisfying(
                        OAuthClientRejectedException.class,
                        e -> assertThat(e.rejection()).isInstanceOf(OAuthClientRejection.NotFound.class));
        assertThatThrownBy(() -> OAuthClient.decide(new RevokeClient("kgc_1", "acme", T0), null))
                .isInstanceOf(OAuthClientRejectedException.class);
    }
}
