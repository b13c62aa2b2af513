package io.keygate.token.identity.tenant;

import io.keygate.events.identity.TenantCreated;
import io.keygate.events.identity.TenantEvent;
import io.keygate.events.identity.TenantState;
import io.keygate.eventstore.Decider;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.tenant.TenantCommand.CreateTenant;
import java.util.List;

/** The tenant aggregate: pure {@link #decide} and {@link #evolve}. */
public final class Tenant {

    public static final String AGGREGATE_TYPE = "tenant";
    public static final int MAX_NAME = 100;

    public static final Decider<TenantCommand, TenantState, TenantEvent> DECIDER =
            Decider.of(AGGREGATE_TYPE, Tenant::decide, Tenant::evolve);

    private Tenant() {}

    /** The events a command produces from {@code state} (null if the tenant does not exist). */
    public static List<TenantEvent> decide(TenantCommand command, TenantState state) {
        CreateTenant create = (CreateTenant) command;
        if (state != null) {
            throw new IdentityRejectedException(
                    new IdentityRejection.Conflict("Tenant " + create.tenantId() + " already exists"));
        }
        String name = create.name() == null ? "" : create.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IdentityRejectedException(new IdentityRejection.InvalidField(
                    "name", "1 to " + MAX_NAME + " characters without control characters"));
        }
        return List.of(new TenantCreated(new TenantState(create.tenantId(), name, create.at())));
    }

    /** The state after an event. */
    public static TenantState evolve(TenantState state, TenantEvent event) {
        return event.tenant();
    }
}
