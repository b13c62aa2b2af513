package io.keygate.token.application.service;

import io.keygate.events.application.ApplicationEvent;
import io.keygate.events.application.ApplicationState;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.token.application.Application;
import io.keygate.token.application.ApplicationAttributes;
import io.keygate.token.application.ApplicationCommand;
import io.keygate.token.application.ApplicationCommand.CreateApplication;
import io.keygate.token.application.ApplicationCommand.DeleteApplication;
import io.keygate.token.application.ApplicationCommand.UpdateApplication;
import io.keygate.token.application.ApplicationIds;
import io.keygate.token.application.ApplicationPatch;
import io.keygate.token.application.store.ApplicationProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Handles application commands: load the aggregate's events, decide, then append the new events and update
 * the read model in one transaction. A deletion then revokes the application's credentials (each its own
 * aggregate, so not in that transaction) through the {@link ApplicationCredentialSweeper}.
 */
@ApplicationScoped
public class ApplicationService {

    private static final Logger LOG = Logger.getLogger(ApplicationService.class);

    private final EventStore store;
    private final ApplicationProjection projection;
    private final ApplicationCredentialSweeper sweeper;
    private final Clock clock = Clock.systemUTC();

    ApplicationService(EventStore store, ApplicationProjection projection, ApplicationCredentialSweeper sweeper) {
        this.store = store;
        this.projection = projection;
        this.sweeper = sweeper;
    }

    /** Creates an application with a new id. */
    public Uni<ApplicationState> create(String tenantId, ApplicationAttributes attributes, String correlationId) {
        return execute(new CreateApplication(ApplicationIds.newId(), tenantId, attributes, now()), correlationId);
    }

    /** Changes some attributes of an active application; a patch that changes nothing returns it unchanged. */
    public Uni<ApplicationState> update(
            String tenantId, String applicationId, ApplicationPatch patch, String correlationId) {
        return execute(new UpdateApplication(applicationId, tenantId, patch, now()), correlationId);
    }

    /**
     * Deletes an application, then revokes its active credentials before completing (the same correlation id
     * links the revocations to the deletion). Deleting a deleted application appends nothing but revokes
     * again whatever is left, so a retry completes a deletion a crash interrupted.
     */
    public Uni<ApplicationState> delete(String tenantId, String applicationId, String correlationId) {
        return execute(new DeleteApplication(applicationId, tenantId, now()), correlationId)
                .call(deleted -> sweeper.sweep(deleted.applicationId(), correlationId)
                        .onFailure()
                        .invoke(failure -> LOG.warnf(
                                failure,
                                "Revoking the credentials of deleted application %s failed; the periodic sweep retries",
                                applicationId))
                        .onFailure()
                        .recoverWithNull());
    }

    /** A new application's id was just generated, so creating it skips the load. */
    private Uni<ApplicationState> execute(ApplicationCommand command, String correlationId) {
        ReadModelWriter<ApplicationState, ApplicationEvent> writer =
                (tx, decision) -> projection.upsert(tx, decision.state(), decision.version());
        Uni<Decision<ApplicationState, ApplicationEvent>> decision = command instanceof CreateApplication
                ? store.create(Application.DECIDER, command, now(), correlationId, writer)
                : store.execute(Application.DECIDER, command.applicationId(), command, now(), correlationId, writer);
        return decision.map(Decision::state);
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
