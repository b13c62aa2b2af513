package io.keygate.events.identity;

import io.keygate.events.KeygateEvent;

/** Events of the tenant aggregate, published to {@code keygate.identities} keyed by tenant id. */
public sealed interface TenantEvent extends KeygateEvent permits TenantCreated {

    /** The tenant's full state after the event. */
    TenantState tenant();

    @Override
    default String aggregateId() {
        return tenant().tenantId();
    }

    @Override
    default String tenantId() {
        return tenant().tenantId();
    }
}
