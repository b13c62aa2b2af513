package io.keygate.policy.rest;

/** Tenant ids as they appear in the {@code /tenants/{tenantId}/…} paths of every resource. */
public final class TenantIds {

    /** Shape of a tenant id, as a regular expression (usable in validation annotations). */
    public static final String FORMAT = "[a-z0-9][a-z0-9-]{0,62}";

    private TenantIds() {}
}
