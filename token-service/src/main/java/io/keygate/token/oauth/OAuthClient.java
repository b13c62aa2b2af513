package io.keygate.token.oauth;

import io.keygate.events.oauth.OAuthClientEvent;
import io.keygate.events.oauth.OAuthClientRegistered;
import io.keygate.events.oauth.OAuthClientRevoked;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import io.keygate.eventstore.Decider;
import io.keygate.token.oauth.OAuthClientCommand.RegisterClient;
import io.keygate.token.oauth.OAuthClientCommand.RevokeClient;
import java.util.List;

/**
 * The OAuth2-client aggregate as two pure functions: {@link #decide} checks a command against the current
 * state and returns the events (or throws a rejection); {@link #evolve} folds an event into the state.
 * The state is the {@link OAuthClientState} the events carry, or {@code null} before the client exists.
 */
public final class OAuthClient {

    /** The aggregate type of OAuth2 clients in the event store. */
    public static final String AGGREGATE_TYPE = "oauth-client";

    /** The rules below as the event store runs them. */
    public static final Decider<OAuthClientCommand, OAuthClientState, OAuthClientEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, OAuthClient::decide, OAuthClient::evolve);

    private OAuthClient() {}

    /** The events a command produces from {@code state} (null if the client does not exist). */
    public static List<OAuthClientEvent> decide(OAuthClientCommand command, OAuthClientState state) {
        if (command instanceof RegisterClient register) {
            return register(register, state);
        }
        return revoke((RevokeClient) command, state);
    }

    /** The state after an event. */
    public static OAuthClientState evolve(OAuthClientState state, OAuthClientEvent event) {
        return event.client();
    }

    /** The state after a history of events; null for none. */
    public static OAuthClientState replay(List<? extends OAuthClientEvent> history) {
        return DECIDER.replay(history);
    }

    private static List<OAuthClientEvent> register(RegisterClient register, OAuthClientState state) {
        if (state != null) {
            throw new OAuthClientRejectedException(new OAuthClientRejection.AlreadyExists(register.clientId()));
        }
        return List.of(new OAuthClientRegistered(new OAuthClientState(
                register.clientId(),
                register.tenantId(),
                register.applicationId(),
                register.name(),
                register.maskedSecret(),
                register.secretHash(),
                register.scopes(),
                OAuthClientStatus.ACTIVE,
                register.at(),
                null)));
    }

    private static List<OAuthClientEvent> revoke(RevokeClient revoke, OAuthClientState state) {
        if (state == null || !state.tenantId().equals(revoke.tenantId())) {
            throw new OAuthClientRejectedException(new OAuthClientRejection.NotFound(revoke.clientId()));
        }
        if (!state.canObtainTokens()) {
            return List.of();
        }
        return List.of(new OAuthClientRevoked(new OAuthClientState(
                state.clientId(),
                state.tenantId(),
                state.applicationId(),
                state.name(),
                state.maskedSecret(),
                state.secretHash(),
                state.scopes(),
                OAuthClientStatus.REVOKED,
                state.createdAt(),
                revoke.at())));
    }
}
