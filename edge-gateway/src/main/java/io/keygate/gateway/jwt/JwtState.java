package io.keygate.gateway.jwt;

import java.time.Clock;

/**
 * What the gateway needs in memory to accept JWT access tokens offline: the signing keys (JWKS), the revoked
 * {@code jti}s until their tokens expire, and the OAuth2 clients' statuses.
 *
 * <p>One writer (the state consumer) applies events; request threads read without locks.
 */
public final class JwtState {

    private final SigningKeyIndex signingKeys = new SigningKeyIndex();
    private final RevokedAccessTokens revokedTokens;
    private final OAuthClientIndex clients = new OAuthClientIndex();

    /** @param clock tells when a revoked token's entry may be pruned */
    public JwtState(Clock clock) {
        this.revokedTokens = new RevokedAccessTokens(clock);
    }

    public SigningKeyIndex signingKeys() {
        return signingKeys;
    }

    public RevokedAccessTokens revokedTokens() {
        return revokedTokens;
    }

    public OAuthClientIndex clients() {
        return clients;
    }

    /** Prunes what is no longer needed; the consumer calls it after each poll. */
    public void commit() {
        revokedTokens.pruneExpired();
    }
}
