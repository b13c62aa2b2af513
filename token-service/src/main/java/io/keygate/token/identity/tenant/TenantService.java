package io.keygate.token.identity.tenant;

import io.keygate.events.identity.TenantState;
import io.keygate.eventstore.EventStore;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.store.TenantProjection;
import io.keygate.token.identity.tenant.TenantCommand.CreateTenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creates tenants (a platform admin's command). */
@ApplicationScoped
public class TenantService {

    private final EventStore store;
    private final TenantProjection tenants;
    private final Clock clock = Clock.systemUTC();

    TenantService(EventStore store, TenantProjection tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    /** Creates a tenant with the chosen id; 409 if it exists. */
    public Uni<TenantState> create(String tenantId, String name, String actor, RequestOrigin origin) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.execute(
                        Tenant.DECIDER,
                        tenantId,
                        new CreateTenant(tenantId, name, now),
                        origin.metadata(now, actor),
                        (tx, decision) -> tenants.upsert(tx, decision.state(), decision.version()))
                .map(decision -> decision.state());
    }
}
