package io.keygate.events.application;

import java.time.Instant;
import java.util.Objects;

/**
 * The full state of an application as carried by every application event. An application groups the
 * credentials (API keys, OAuth2 clients) one consumer of a tenant's APIs uses, so they can be managed and
 * revoked together.
 *
 * @param applicationId stable id, {@code app_} + 32 lowercase hex digits
 * @param tenantId      owning tenant
 * @param name          human name, at most 100 characters
 * @param description   free text (at most 1000 characters), or null
 * @param contactEmail  whom to contact about the application (owner or team address), or null
 * @param ownerId       the tenant's user who owns it ({@code usr_} + 32 hex digits): a developer manages only the
 *                      applications they own; null for one only the tenant's admins manage
 * @param teamId        the team that owns it besides its owner ({@code team_} + 32 hex digits): its members manage it
 *                      too; or null
 * @param status        lifecycle state
 * @param createdAt     creation time
 * @param updatedAt     time of the last change (creation, update or deletion)
 * @param deletedAt     deletion time, or null
 */
public record ApplicationState(
        String applicationId,
        String tenantId,
        String name,
        String description,
        String contactEmail,
        String ownerId,
        String teamId,
        ApplicationStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    public ApplicationState {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether credentials may be issued for it. (Not a bean getter: it stays out of the JSON.) */
    public boolean acceptsCredentials() {
        return status == ApplicationStatus.ACTIVE;
    }
}
