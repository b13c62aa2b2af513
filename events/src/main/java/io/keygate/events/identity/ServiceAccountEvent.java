package io.keygate.events.identity;

import io.keygate.events.KeygateEvent;

/**
 * Events of the service-account aggregate, published to {@code keygate.identities} keyed by service-account id; each
 * carries the account's full state after it.
 */
public sealed interface ServiceAccountEvent extends KeygateEvent permits ServiceAccountCreated, ServiceAccountRevoked {

    /** The account's full state after the event. */
    ServiceAccountState serviceAccount();

    @Override
    default String aggregateId() {
        return serviceAccount().serviceAccountId();
    }

    @Override
    default String tenantId() {
        return serviceAccount().tenantId();
    }
}
