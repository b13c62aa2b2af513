package io.keygate.events.identity;

import io.keygate.events.KeygateEvent;

/** Events of the session aggregate, published to {@code keygate.identities} keyed by session id. */
public sealed interface SessionEvent extends KeygateEvent permits SessionStarted, SessionRefreshed, SessionEnded {

    /** The session's full state after the event. */
    SessionState session();

    @Override
    default String aggregateId() {
        return session().sessionId();
    }

    @Override
    default String tenantId() {
        return session().tenantId();
    }
}
