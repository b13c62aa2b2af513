package io.keygate.events.signing;

import io.keygate.events.KeygateEvent;

/**
 * Events of a token-signing key, published to {@code keygate.signing-keys} keyed by key id. Signing keys
 * belong to the issuer, not to a tenant.
 */
public sealed interface SigningKeyEvent extends KeygateEvent permits SigningKeyPublished, SigningKeyRetired {

    /** The key's full state after the event (event-carried state). */
    SigningKeyState key();

    @Override
    default String aggregateId() {
        return key().keyId();
    }

    @Override
    default String tenantId() {
        return null;
    }
}
