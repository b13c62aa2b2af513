package io.keygate.token.identity.serviceaccount;

import io.keygate.events.EventEnvelope;
import io.keygate.events.identity.ServiceAccountCreated;
import io.keygate.events.identity.ServiceAccountEvent;
import io.keygate.events.identity.ServiceAccountRevoked;
import io.keygate.events.identity.ServiceAccountState;
import io.keygate.events.identity.ServiceAccountStatus;
import io.keygate.eventstore.Decider;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.serviceaccount.ServiceAccountCommand.CreateServiceAccount;
import io.keygate.token.identity.serviceaccount.ServiceAccountCommand.RevokeServiceAccount;
import java.util.List;

/** The service-account aggregate: pure {@link #decide} and {@link #evolve}. */
public final class ServiceAccount {

    public static final String AGGREGATE_TYPE = "service-account";
    public static final int MAX_NAME = 100;
    /** Account ids: {@code svc_} + 32 hex digits of a UUIDv7. */
    public static final String ID_FORMAT = "svc_[0-9a-f]{32}";

    public static final Decider<ServiceAccountCommand, ServiceAccountState, ServiceAccountEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, ServiceAccount::decide, ServiceAccount::evolve);

    private ServiceAccount() {}

    /** A new account id. */
    public static String newId() {
        return "svc_" + EventEnvelope.newEventId().toString().replace("-", "");
    }

    /** The events a command produces from {@code state} (null if the account does not exist). */
    public static List<ServiceAccountEvent> decide(ServiceAccountCommand command, ServiceAccountState state) {
        if (command instanceof CreateServiceAccount create) {
            return create(create, state);
        }
        return revoke((RevokeServiceAccount) command, state);
    }

    /** The state after an event. */
    public static ServiceAccountState evolve(ServiceAccountState state, ServiceAccountEvent event) {
        return event.serviceAccount();
    }

    private static List<ServiceAccountEvent> create(CreateServiceAccount create, ServiceAccountState state) {
        if (state != null) {
            throw new IdentityRejectedException(
                    new IdentityRejection.Conflict("Service account " + create.serviceAccountId() + " already exists"));
        }
        String name = create.name() == null ? "" : create.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IdentityRejectedException(new IdentityRejection.InvalidField(
                    "name", "1 to " + MAX_NAME + " characters without control characters"));
        }
        if (create.roles() == null || create.roles().isEmpty()) {
            throw new IdentityRejectedException(
                    new IdentityRejection.InvalidField("roles", "at least one of admin, developer, viewer, auditor"));
        }
        return List.of(new ServiceAccountCreated(new ServiceAccountState(
                create.serviceAccountId(),
                create.tenantId(),
                name,
                create.roles().stream().distinct().toList(),
                ServiceAccountStatus.ACTIVE,
                create.at(),
                create.at(),
                null)));
    }

    private static List<ServiceAccountEvent> revoke(RevokeServiceAccount revoke, ServiceAccountState state) {
        if (state == null || !state.tenantId().equals(revoke.tenantId())) {
            throw new IdentityRejectedException(
                    new IdentityRejection.NotFound("Service account " + revoke.serviceAccountId()));
        }
        if (state.status() == ServiceAccountStatus.REVOKED) {
            return List.of();
        }
        return List.of(new ServiceAccountRevoked(
                new ServiceAccountState(
                        state.serviceAccountId(),
                        state.tenantId(),
                        state.name(),
                        state.roles(),
                        ServiceAccountStatus.REVOKED,
                        state.createdAt(),
                        revoke.at(),
                        revoke.at()),
                revoke.tokensExpireBy()));
    }
}
