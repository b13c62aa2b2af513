package io.keygate.token.apikey.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.TokenEvent;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.token.apikey.ApiKey;
import io.keygate.token.apikey.ApiKeyCommand;
import io.keygate.token.apikey.ApiKeyCommand.IssueApiKey;
import io.keygate.token.apikey.ApiKeyCommand.RevokeApiKey;
import io.keygate.token.apikey.ApiKeyFormat;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.config.TokenServiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Handles API-key commands: load the aggregate's events, decide, then append the new events and update
 * the read model in one transaction. The secret is generated here, returned once, and never stored.
 */
@ApplicationScoped
public class ApiKeyService {

    static final String AGGREGATE_TYPE = "api-key";

    private final EventStore store;
    private final ApiKeyProjection projection;
    private final TokenServiceConfig config;
    private final String source;
    private final ApiKeyHasher hasher;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiKeyService(EventStore store, ApiKeyProjection projection, TokenServiceConfig config, EventStoreConfig storeConfig) {
        this.store = store;
        this.projection = projection;
        this.config = config;
        this.source = storeConfig.source();
        this.hasher = new ApiKeyHasher(config.pepper());
    }

    /** Issues a key; the result holds the only copy of the secret there will ever be. */
    public Uni<IssuedApiKey> issue(String tenantId, String name, List<String> scopes, Instant expiresAt, String correlationId) {
        String secret = ApiKeyFormat.generate(config.environment(), random);
        String keyId = "key_" + EventEnvelope.newEventId().toString().replace("-", "");
        IssueApiKey command = new IssueApiKey(keyId, tenantId, name, ApiKeyFormat.mask(secret), hasher.hash(secret),
                scopes, expiresAt, now());
        return handle(command, correlationId).map(state -> new IssuedApiKey(secret, state));
    }

    /** Revokes a key; revoking an already revoked key returns its state unchanged. */
    public Uni<ApiKeyState> revoke(String tenantId, String keyId, String reason, String correlationId) {
        return handle(new RevokeApiKey(keyId, tenantId, reason, now()), correlationId);
    }

    private Uni<ApiKeyState> handle(ApiKeyCommand command, String correlationId) {
        return store.load(command.keyId()).chain(history -> {
            List<TokenEvent> past = history.stream().map(e -> (TokenEvent) e.data()).toList();
            ApiKeyState state = ApiKey.replay(past);
            List<TokenEvent> events = ApiKey.decide(command, state);
            if (events.isEmpty()) {
                return Uni.createFrom().item(state);
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
            return store.inTransaction(tx -> store.append(tx, AGGREGATE_TYPE, history.size(), envelopes)
                            .chain(() -> projection.upsert(tx, result, newVersion)))
                    .replaceWith(result);
        });
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
