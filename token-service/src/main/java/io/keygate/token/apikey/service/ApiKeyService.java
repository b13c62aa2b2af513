package io.keygate.token.apikey.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.token.ApiKeyIssued;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyUpdated;
import io.keygate.events.token.TokenEvent;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.token.apikey.ApiKey;
import io.keygate.token.apikey.ApiKeyAttributes;
import io.keygate.token.apikey.ApiKeyCommand;
import io.keygate.token.apikey.ApiKeyCommand.UpdateApiKey;
import io.keygate.token.apikey.ApiKeyField;
import io.keygate.token.apikey.ApiKeyPatch;
import io.keygate.token.apikey.ApiKeyCommand.CompleteRotation;
import io.keygate.token.apikey.ApiKeyCommand.ExpireApiKey;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RotateApiKey;
import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.application.service.CredentialOwnerCheck;
import io.keygate.token.config.TokenServiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Handles API-key commands: load the aggregate's events, decide, then append the new events and update
 * the read model in one transaction. The secret is generated here, returned once, and never stored. A key
 * issued for, or moved to, an application is checked in that transaction against the application's state.
 */
@ApplicationScoped
public class ApiKeyService {

    private final EventStore store;
    private final ApiKeyProjection projection;
    private final CredentialOwnerCheck owners;
    private final TokenServiceConfig config;
    private final String source;
    private final ApiKeyHasher hasher;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiKeyService(EventStore store, ApiKeyProjection projection, CredentialOwnerCheck owners, TokenServiceConfig config,
            EventStoreConfig storeConfig) {
        this.store = store;
        this.projection = projection;
        this.owners = owners;
        this.config = config;
        this.source = storeConfig.source();
        this.hasher = new ApiKeyHasher(config.pepper());
    }

    /** Issues a key; the result holds the only copy of the secret there will ever be. */
    public Uni<IssuedApiKey> issue(String tenantId, ApiKeyAttributes attributes, String correlationId) {
        String secret = ApiKeyFormat.generate(config.environment(), random);
        String keyId = "key_" + EventEnvelope.newEventId().toString().replace("-", "");
        IssueApiKey command = new IssueApiKey(keyId, tenantId, ApiKeyFormat.mask(secret), hasher.hash(secret),
                attributes, now());
        return handle(command, correlationId).map(state -> new IssuedApiKey(secret, state));
    }

    /** Changes some attributes of an active key; a patch that changes nothing returns the key unchanged. */
    public Uni<ApiKeyState> update(String tenantId, String keyId, ApiKeyPatch patch, String correlationId) {
        return handle(new UpdateApiKey(keyId, tenantId, patch, now()), correlationId);
    }

    /** Gives a key a new secret, returned once; the old secret stays valid for {@code gracePeriod}. */
    public Uni<IssuedApiKey> rotate(String tenantId, String keyId, Duration gracePeriod, String correlationId) {
        String secret = ApiKeyFormat.generate(config.environment(), random);
        RotateApiKey command = new RotateApiKey(keyId, tenantId, ApiKeyFormat.mask(secret), hasher.hash(secret),
                gracePeriod, now());
        return handle(command, correlationId).map(state -> new IssuedApiKey(secret, state));
    }

    /**
     * Marks a key expired if its expiry has passed and it is still active.
     *
     * @return whether an event was appended (false: not due, or already expired)
     */
    public Uni<Boolean> expire(String tenantId, String keyId, String correlationId) {
        return execute(new ExpireApiKey(keyId, tenantId, now()), correlationId).map(Outcome::appended);
    }

    /**
     * Drops the secret a rotation replaced if its grace period has ended.
     *
     * @return whether an event was appended
     */
    public Uni<Boolean> completeRotation(String tenantId, String keyId, String correlationId) {
        return execute(new CompleteRotation(keyId, tenantId, now()), correlationId).map(Outcome::appended);
    }

    /** Revokes a key; revoking an already revoked key returns its state unchanged. */
    public Uni<ApiKeyState> revoke(String tenantId, String keyId, String reason, String correlationId) {
        return handle(new RevokeApiKey(keyId, tenantId, reason, now()), correlationId);
    }

    private record Outcome(ApiKeyState state, boolean appended) {}

    private Uni<ApiKeyState> handle(ApiKeyCommand command, String correlationId) {
        return execute(command, correlationId).map(Outcome::state);
    }

    private Uni<Outcome> execute(ApiKeyCommand command, String correlationId) {
        return history(command).chain(history -> {
            List<TokenEvent> past = history.stream().map(e -> (TokenEvent) e.data()).toList();
            ApiKeyState state = ApiKey.replay(past);
            List<TokenEvent> events = ApiKey.decide(command, state);
            if (events.isEmpty()) {
                return Uni.createFrom().item(new Outcome(state, false));
            }
            long version = history.size();
            List<EventEnvelope<KeygateEvent>> envelopes = new java.util.ArrayList<>();
            ApiKeyState next = state;
            for (TokenEvent event : events) {
                envelopes.add(EventEnvelope.create(source, ++version, now(), correlationId, null, event));
                next = ApiKey.evolve(next, event);
            }
            ApiKeyState result = next;
            long newVersion = version;
            return store.appendAndProject(ApiKey.AGGREGATE_TYPE, history.size(), envelopes,
                            tx -> owners.requireActive(tx, command.tenantId(), newApplicationOf(events)),
                            tx -> projection.upsert(tx, result, newVersion))
                    .replaceWith(new Outcome(result, true));
        });
    }

    /** A new key has no history: its id was just generated, so issuing saves the read. */
    private Uni<List<EventEnvelope<KeygateEvent>>> history(ApiKeyCommand command) {
        return command instanceof IssueApiKey ? Uni.createFrom().item(List.of()) : store.load(command.keyId());
    }

    /** The application a key is issued for or moved to by these events, or null (none, or unchanged). */
    private static String newApplicationOf(List<TokenEvent> events) {
        for (TokenEvent event : events) {
            boolean moved = event instanceof ApiKeyUpdated updated
                    && updated.changedFields().contains(ApiKeyField.APPLICATION_ID.jsonName());
            if (event instanceof ApiKeyIssued || moved) {
                return event.key().applicationId();
            }
        }
        return null;
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
