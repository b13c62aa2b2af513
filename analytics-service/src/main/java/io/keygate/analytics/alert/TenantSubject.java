package io.keygate.analytics.alert;

import io.keygate.analytics.DimensionHash;

/**
 * What a detector tracks state for: a key, an address or a key prefix, within its tenant. A record rather than a
 * joined string: looking a call's subject up then allocates nothing and hashes the ids' own (cached) hashes.
 *
 * @param tenantId the tenant
 * @param subject  the key id, client address or key prefix
 */
record TenantSubject(String tenantId, String subject) {

    /** Spread over tenants and subjects that differ in their last characters (see {@link DimensionHash}). */
    @Override
    public int hashCode() {
        return DimensionHash.of(tenantId, subject);
    }
}
