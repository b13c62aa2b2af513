package io.keygate.token.application;

import io.keygate.events.application.ApplicationState;
import java.time.Instant;

/**
 * What a caller may set on an application, at creation or by update.
 *
 * @param name         human name
 * @param description  free text, or null
 * @param contactEmail whom to contact about the application, or null
 * @param ownerId      the tenant's user who owns it, or null for one only the tenant's admins manage
 * @param teamId       the team that owns it too (its members manage it), or null
 */
public record ApplicationAttributes(
        String name, String description, String contactEmail, String ownerId, String teamId) {

    /** The attributes of an application's state. */
    public static ApplicationAttributes of(ApplicationState application) {
        return new ApplicationAttributes(
                application.name(),
                application.description(),
                application.contactEmail(),
                application.ownerId(),
                application.teamId());
    }

    /** These attributes with {@code owner} as the owner. */
    public ApplicationAttributes ownedBy(String owner) {
        return new ApplicationAttributes(name, description, contactEmail, owner, teamId);
    }

    /** {@code application} with these attributes, changed at {@code at}; everything else unchanged. */
    public ApplicationState applyTo(ApplicationState application, Instant at) {
        return new ApplicationState(
                application.applicationId(),
                application.tenantId(),
                name,
                description,
                contactEmail,
                ownerId,
                teamId,
                application.status(),
                application.createdAt(),
                at,
                application.deletedAt());
    }
}
