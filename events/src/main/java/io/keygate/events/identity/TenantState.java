package io.keygate.events.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * Full state of a tenant, carried by every tenant event.
 *
 * @param tenantId  the tenant's id, {@code [a-z0-9][a-z0-9-]{0,62}}, used in every other service's paths
 * @param name      human name
 * @param createdAt when a platform admin created it
 */
public record TenantState(String tenantId, String name, Instant createdAt) {

    public TenantState {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
