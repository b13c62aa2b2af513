package io.keygate.access.permission;

import io.keygate.events.identity.TenantRole;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the permission table: who may call one endpoint of one service.
 *
 * @param service  the service's short name ({@code token}, {@code policy}, …)
 * @param method   the HTTP method
 * @param path     the path template as the OpenAPI document writes it ({@code /tenants/{tenantId}/api-keys})
 * @param tenant   where the request's tenant comes from
 * @param grants   what each role may do; platform administrators may do everything
 */
public record Permission(
        String service, String method, String path, TenantScope tenant, Map<TenantRole, Grant> grants) {

    public Permission {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tenant, "tenant");
        grants = Map.copyOf(grants);
    }

    /** What {@code role} may do here. */
    public Grant grantOf(TenantRole role) {
        return grants.getOrDefault(role, Grant.DENY);
    }

    /** The key this row is found by. */
    public String endpoint() {
        return method + " " + path;
    }
}
