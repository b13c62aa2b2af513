package io.keygate.access.session;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns identity events that end sessions into entries of {@link EndedSessions}; other identity events pass by. */
@ApplicationScoped
public class IdentityEventHandler {

    /** Applies one record of {@code keygate.identities}. */
    public void apply(CloudEvent event, EndedSessions endedSessions) {
        // Filled in with the identity events of the token-service.
    }
}
