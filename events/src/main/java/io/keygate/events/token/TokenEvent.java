package io.keygate.events.token;

import io.keygate.events.KeygateEvent;

/** Events of the API-key aggregate, published to {@code keygate.tokens} keyed by key id. */
public sealed interface TokenEvent extends KeygateEvent
        permits ApiKeyIssued,
                ApiKeyRevoked,
                ApiKeyUpdated,
                ApiKeyRotated,
                ApiKeyRotationCompleted,
                ApiKeyExpired,
                ApiKeyRotationDue {

    /** The key's full state after the event (event-carried state). */
    ApiKeyState key();

    @Override
    default String aggregateId() {
        return key().keyId();
    }

    @Override
    default String tenantId() {
        return key().tenantId();
    }
}
