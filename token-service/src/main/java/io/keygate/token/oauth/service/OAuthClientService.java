package io.keygate.token.oauth.service;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.oauth.OAuthClientEvent;
import io.keygate.events.oauth.OAuthClientRegistered;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.token.application.service.CredentialOwnerCheck;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.oauth.ClientCredentials;
import io.keygate.token.oauth.ClientSecrets;
import io.keygate.token.oauth.OAuthClient;
import io.keygate.token.oauth.OAuthClientCommand;
import io.keygate.token.oauth.OAuthClientCommand.RegisterClient;
import io.keygate.token.oauth.OAuthClientCommand.RevokeClient;
import io.keygate.token.oauth.TokenRequestException;
import io.keygate.token.oauth.store.OAuthClientProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Handles OAuth2-client commands (load, decide, append events and update the read model in one
 * transaction; a registration checks its application in that transaction) and authenticates clients at the
 * token endpoint. The secret is generated here, returned once, and only its keyed hash is kept.
 */
@ApplicationScoped
public class OAuthClientService {

    private final EventStore store;
    private final OAuthClientProjection projection;
    private final ReadModelWriter<OAuthClientState, OAuthClientEvent> writer;
    private final ApiKeyHasher hasher;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    OAuthClientService(
            EventStore store,
            OAuthClientProjection projection,
            CredentialOwnerCheck owners,
            TokenServiceConfig config) {
        this.store = store;
        this.projection = projection;
        // A registration checks, in its transaction, that the application it names is live.
        this.writer = ReadModelWriter.checked(
                (tx, decision) -> owners.requireActive(
                        tx,
                        decision.state().tenantId(),
                        decision.events().get(0) instanceof OAuthClientRegistered
                                ? decision.state().applicationId()
                                : null),
                (tx, decision) -> projection.upsert(tx, decision.state(), decision.version()));
        // The API-key pepper keys this HMAC too: the secrets have 256 random bits, so no slow hash is needed.
        this.hasher = new ApiKeyHasher(config.pepper());
    }

    /** Registers a client; the result holds the only copy of the secret. */
    public Uni<RegisteredClient> register(
            String tenantId, String applicationId, String name, List<String> scopes, String correlationId) {
        String secret = ClientSecrets.newSecret(random);
        RegisterClient command = new RegisterClient(
                ClientSecrets.newClientId(random),
                tenantId,
                applicationId,
                name,
                ClientSecrets.mask(secret),
                hasher.hash(secret),
                scopes,
                now());
        return handle(command, correlationId).map(state -> new RegisteredClient(secret, state));
    }

    /** Revokes a client; revoking a revoked client returns it unchanged. */
    public Uni<OAuthClientState> revoke(String tenantId, String clientId, String correlationId) {
        return handle(new RevokeClient(clientId, tenantId, now()), correlationId);
    }

    /**
     * The active client these credentials authenticate.
     *
     * @throws TokenRequestException {@code invalid_client} for an unknown or revoked client or a wrong secret,
     *                               all alike so the answer tells an attacker nothing
     */
    public Uni<OAuthClientState> authenticate(ClientCredentials credentials) {
        String presentedHash = hasher.hash(credentials.secret());
        return projection.find(credentials.clientId()).map(client -> {
            if (client == null
                    || !client.canObtainTokens()
                    || !MessageDigest.isEqual(
                            presentedHash.getBytes(StandardCharsets.US_ASCII),
                            client.secretHash().getBytes(StandardCharsets.US_ASCII))) {
                throw TokenRequestException.invalidClient();
            }
            return client;
        });
    }

    /** A new client's id was just generated, so registering skips the load. */
    private Uni<OAuthClientState> handle(OAuthClientCommand command, String correlationId) {
        Uni<Decision<OAuthClientState, OAuthClientEvent>> decision = command instanceof RegisterClient
                ? store.create(OAuthClient.DECIDER, command, now(), correlationId, writer)
                : store.execute(OAuthClient.DECIDER, command.clientId(), command, now(), correlationId, writer);
        return decision.map(Decision::state);
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
