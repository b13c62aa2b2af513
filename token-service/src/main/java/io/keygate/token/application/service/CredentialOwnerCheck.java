package io.keygate.token.application.service;

import io.keygate.events.application.ApplicationStatus;
import io.keygate.token.application.ApplicationRejectedException;
import io.keygate.token.application.ApplicationRejection;
import io.keygate.token.application.TenantApplication;
import io.keygate.token.application.store.ApplicationProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/**
 * Checks, inside a credential command's transaction, that the application the credential names exists in
 * the tenant and is not deleted. The check holds a share lock on the application's row until the
 * transaction ends, so it cannot interleave with a deletion: either the deletion commits first and the
 * credential is refused, or the credential commits first and the deletion's sweep revokes it.
 */
@ApplicationScoped
public class CredentialOwnerCheck {

    private final ApplicationProjection applications;

    CredentialOwnerCheck(ApplicationProjection applications) {
        this.applications = applications;
    }

    /**
     * Completes if {@code applicationId} is null (the credential names no application) or names an active
     * application of the tenant.
     *
     * @return fails with {@link ApplicationRejection.CannotOwnCredentials} otherwise
     */
    public Uni<Void> requireActive(SqlConnection tx, String tenantId, String applicationId) {
        if (applicationId == null) {
            return Uni.createFrom().voidItem();
        }
        return applications
                .lockStatus(tx, tenantId, applicationId)
                .invoke(status -> requireActive(applicationId, status))
                .replaceWithVoid();
    }

    /**
     * Reads, in one statement and with the same share locks, the stored statuses of several credentials' applications
     * (a commit group's); each credential is then judged by {@link #requireActive(String, String)} on what was read.
     */
    public Uni<Map<TenantApplication, String>> lockAll(SqlConnection tx, Collection<TenantApplication> owners) {
        return owners.isEmpty() ? Uni.createFrom().item(Map.of()) : applications.lockStatuses(tx, owners);
    }

    /**
     * Passes if the stored {@code status} (null: no such application in the tenant) is active.
     *
     * @throws ApplicationRejectedException with {@link ApplicationRejection.CannotOwnCredentials} otherwise
     */
    public static void requireActive(String applicationId, String status) {
        requireActive(applicationId, status == null ? null : ApplicationStatus.valueOf(status));
    }

    private static void requireActive(String applicationId, ApplicationStatus status) {
        if (status != ApplicationStatus.ACTIVE) {
            throw new ApplicationRejectedException(
                    new ApplicationRejection.CannotOwnCredentials(applicationId, status == ApplicationStatus.DELETED));
        }
    }
}
