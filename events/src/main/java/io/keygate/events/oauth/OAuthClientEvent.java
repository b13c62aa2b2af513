package io.keygate.events.oauth;

import io.keygate.events.KeygateEvent;

/** Events of the OAuth2-client aggregate, published to {@code keygate.tokens} keyed by client id. */
public sealed interface OAuthClientEvent extends KeygateEvent permits OAuthClientRegistered, OAuthClientRevoked {

    /** The client's full state after the event (event-carried state). */
    OAuthClientState client();

    @Override
    default String aggregateId() {
        return client().clientId();
    }

    @Override
    default String tenantId() {
        return client().tenantId();
    }
}
