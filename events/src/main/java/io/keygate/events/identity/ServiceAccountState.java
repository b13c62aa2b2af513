package io.keygate.events.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Full state of a service account, carried by every service-account event: an identity for automation (CI pipelines,
 * provisioning scripts) that calls the Keygate APIs of one tenant with short-lived service tokens instead of a
 * person's session. Never its secret or the secret's hash.
 *
 * @param serviceAccountId {@code svc_} + 32 hex digits; the {@code sub} and {@code sid} of its service tokens
 * @param tenantId         the one tenant it acts in
 * @param name             what it is for, at most 100 characters
 * @param roles            its roles in the tenant, as a user's
 * @param status           lifecycle
 * @param createdAt        creation time
 * @param updatedAt        time of the last change
 * @param revokedAt        revocation time, or null
 */
public record ServiceAccountState(
        String serviceAccountId,
        String tenantId,
        String name,
        List<TenantRole> roles,
        ServiceAccountStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant revokedAt) {

    public ServiceAccountState {
        Objects.requireNonNull(serviceAccountId, "serviceAccountId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
