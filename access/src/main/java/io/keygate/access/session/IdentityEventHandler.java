package io.keygate.access.session;

import io.cloudevents.CloudEvent;
import io.keygate.events.EventCodec;
import io.keygate.events.EventType;
import io.keygate.events.KeygateEvent;
import io.keygate.events.identity.ServiceAccountRevoked;
import io.keygate.events.identity.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies the identity events that end sessions ({@code session-ended}, one per session, also for each live session of
 * a disabled or deleted user; {@code service-account-revoked}, which ends every token of the account) to
 * {@link EndedSessions}; every other identity event passes by undecoded.
 */
@ApplicationScoped
public class IdentityEventHandler {

    private final EventCodec codec = new EventCodec();

    /** Applies one record of {@code keygate.identities}. */
    public void apply(CloudEvent event, EndedSessions endedSessions) {
        if (!EventType.SESSION_ENDED.type().equals(event.getType())
                && !EventType.SERVICE_ACCOUNT_REVOKED.type().equals(event.getType())) {
            return;
        }
        KeygateEvent data = codec.fromCloudEvent(event).data();
        if (data instanceof SessionEnded ended) {
            endedSessions.endSession(ended.sessionId(), ended.accessTokenExpiresAt());
        } else if (data instanceof ServiceAccountRevoked revoked) {
            // A service token's sid is its account's id.
            endedSessions.endSession(revoked.serviceAccount().serviceAccountId(), revoked.tokensExpireBy());
        }
    }
}
