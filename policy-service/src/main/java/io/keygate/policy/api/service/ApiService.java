package io.keygate.policy.api.service;

import io.keygate.events.policy.ApiEvent;
import io.keygate.events.policy.ApiState;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.policy.api.Api;
import io.keygate.policy.api.ApiAttributes;
import io.keygate.policy.api.ApiCommand;
import io.keygate.policy.api.ApiCommand.CreateApi;
import io.keygate.policy.api.ApiCommand.RetireApi;
import io.keygate.policy.api.ApiCommand.UpdateApi;
import io.keygate.policy.api.ApiCommand.UploadOpenApi;
import io.keygate.policy.api.ApiIds;
import io.keygate.policy.api.ApiPatch;
import io.keygate.policy.api.OpenApiDocument;
import io.keygate.policy.api.store.ApiProjection;
import io.keygate.policy.api.store.OpenApiDocumentStore;
import io.keygate.policy.config.PolicyConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Handles API commands: load, decide, then append the events and update the read model in one transaction. */
@ApplicationScoped
public class ApiService {

    private final EventStore store;
    private final ApiProjection projection;
    private final OpenApiDocumentStore documents;
    private final PolicyConfig config;
    private final Clock clock = Clock.systemUTC();

    ApiService(EventStore store, ApiProjection projection, OpenApiDocumentStore documents, PolicyConfig config) {
        this.store = store;
        this.projection = projection;
        this.documents = documents;
        this.config = config;
    }

    /** Adds an API with a new id. */
    public Uni<ApiState> create(String tenantId, ApiAttributes attributes, String correlationId) {
        CreateApi command = new CreateApi(ApiIds.newId(), tenantId, attributes, now());
        return store.create(Api.DECIDER, command, command.at(), correlationId, upsert())
                .map(Decision::state);
    }

    /** Changes some attributes; a patch that changes nothing returns the API unchanged. */
    public Uni<ApiState> update(String tenantId, String apiId, ApiPatch patch, String correlationId) {
        return execute(new UpdateApi(apiId, tenantId, patch, now()), correlationId, upsert());
    }

    /** Retires an API that has no active route left; retiring a retired API changes nothing. */
    public Uni<ApiState> retire(String tenantId, String apiId, String correlationId) {
        return execute(
                new RetireApi(apiId, tenantId, now()),
                correlationId,
                ReadModelWriter.checked(
                        (tx, decision) -> projection.checkHasNoRoutes(tx, apiId),
                        (tx, decision) -> projection.upsert(tx, decision.state(), decision.version())));
    }

    /**
     * Parses, checks and stores an OpenAPI document for an API, and records its digest in an event, all in one
     * transaction; uploading the document the API already has changes nothing.
     */
    public Uni<ApiState> uploadOpenApi(String tenantId, String apiId, byte[] body, boolean yaml, String correlationId) {
        Instant at = now();
        OpenApiDocument document =
                OpenApiDocument.parse(body, yaml, config.openapi().maxBytes(), at);
        return execute(
                new UploadOpenApi(apiId, tenantId, document.reference(), at),
                correlationId,
                (tx, decision) -> documents
                        .store(tx, document)
                        .chain(() -> projection.upsert(tx, decision.state(), decision.version())));
    }

    private Uni<ApiState> execute(
            ApiCommand command, String correlationId, ReadModelWriter<ApiState, ApiEvent> writer) {
        return store.execute(Api.DECIDER, command.apiId(), command, command.at(), correlationId, writer)
                .map(Decision::state);
    }

    private ReadModelWriter<ApiState, ApiEvent> upsert() {
        return (tx, decision) -> projection.upsert(tx, decision.state(), decision.version());
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
