package io.keygate.token.application.rest;

import io.keygate.events.application.ApplicationState;
import java.time.Instant;

/** An application as the API shows it. */
public record ApplicationView(
        String id,
        String tenantId,
        String name,
        String description,
        String contactEmail,
        String ownerId,
        String teamId,
        String status,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    static ApplicationView of(ApplicationState application) {
        return new ApplicationView(
                application.applicationId(),
                application.tenantId(),
                application.name(),
                application.description(),
                application.contactEmail(),
                application.ownerId(),
                application.teamId(),
                application.status().name(),
                application.createdAt(),
                application.updatedAt(),
                application.deletedAt());
    }
}
