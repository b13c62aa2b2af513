package io.keygate.token.identity.tenant;

import java.time.Instant;

/** Commands on the tenant aggregate. */
public sealed interface TenantCommand {

    /** The tenant the command is about. */
    String tenantId();

    /** Create a tenant with a chosen id (the one every other service's paths already use). */
    record CreateTenant(String tenantId, String name, Instant at) implements TenantCommand {}
}
