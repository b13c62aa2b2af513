package io.keygate.events.identity;

/**
 * A platform admin created a tenant. Type {@code io.keygate.identity.tenant-created.v1}.
 *
 * @param tenant the new tenant
 */
public record TenantCreated(TenantState tenant) implements TenantEvent {}
