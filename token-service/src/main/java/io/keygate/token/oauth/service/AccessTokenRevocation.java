package io.keygate.token.oauth.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.eventstore.ConcurrencyConflictException;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.EventStoreConfig;
import io.keygate.token.oauth.TokenRequestException;
import io.keygate.token.oauth.store.RevokedTokenStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Token revocation (RFC 7009) of our JWT access tokens: a revoked token's {@code jti} is appended as an
 * event (aggregate {@code access-token}) and published, so gateways deny it until it expires. Unknown,
 * invalid or expired tokens need nothing: the answer is the same.
 */
@ApplicationScoped
public class AccessTokenRevocation {

    private final AccessTokenVerifier verifier;
    private final EventStore store;
    private final RevokedTokenStore revoked;
    private final String source;
    private final Clock clock = Clock.systemUTC();

    AccessTokenRevocation(
            AccessTokenVerifier verifier, EventStore store, RevokedTokenStore revoked, EventStoreConfig storeConfig) {
        this.verifier = verifier;
        this.store = store;
        this.revoked = revoked;
        this.source = storeConfig.source();
    }

    /**
     * Revokes the token if it is a valid token issued to {@code caller}.
     *
     * @throws TokenRequestException {@code invalid_request} for a valid token of another client (RFC 7009 §2.1)
     */
    public Uni<Void> revoke(OAuthClientState caller, String token, String correlationId) {
        return verifier.verify(token)
                .chain(claims ->
                        claims.isEmpty() ? Uni.createFrom().voidItem() : revoke(caller, claims.get(), correlationId));
    }

    /** Whether the verified token was revoked. */
    public Uni<Boolean> isRevoked(JwtClaims claims) {
        try {
            return revoked.isRevoked(claims.getJwtId());
        } catch (MalformedClaimException e) {
            return Uni.createFrom().item(true);
        }
    }

    private Uni<Void> revoke(OAuthClientState caller, JwtClaims claims, String correlationId) {
        AccessTokenRevoked event;
        try {
            if (!caller.clientId().equals(claims.getClaimValueAsString("client_id"))) {
                throw TokenRequestException.invalidRequest("The token was not issued to this client");
            }
            event = new AccessTokenRevoked(
                    claims.getJwtId(),
                    caller.tenantId(),
                    caller.clientId(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (MalformedClaimException e) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<KeygateEvent> envelope =
                EventEnvelope.create(source, 1, event.revokedAt(), correlationId, null, event);
        return store.appendAndProject(
                        RevokedTokenStore.AGGREGATE_TYPE, 0, List.of(envelope), tx -> revoked.insert(tx, event))
                // Revoked before (or concurrently): already published, nothing more to do.
                .onFailure(ConcurrencyConflictException.class)
                .recoverWithNull()
                .replaceWithVoid();
    }
}
