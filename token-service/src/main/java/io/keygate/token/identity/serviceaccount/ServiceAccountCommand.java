package io.keygate.token.identity.serviceaccount;

import io.keygate.events.identity.TenantRole;
import java.time.Instant;
import java.util.List;

/** Commands on the service-account aggregate. */
public sealed interface ServiceAccountCommand {

    /** The account the command is about. */
    String serviceAccountId();

    /** The tenant the caller acts for. */
    String tenantId();

    /** Create an account with a new id (its secret is generated and stored beside the events, never in them). */
    record CreateServiceAccount(
            String serviceAccountId, String tenantId, String name, List<TenantRole> roles, Instant at)
            implements ServiceAccountCommand {}

    /**
     * Revoke an account; revoking a revoked one emits nothing.
     *
     * @param tokensExpireBy when the last token it may hold expires (now + the longest token lifetime)
     */
    record RevokeServiceAccount(String serviceAccountId, String tenantId, Instant at, Instant tokensExpireBy)
            implements ServiceAccountCommand {}
}
