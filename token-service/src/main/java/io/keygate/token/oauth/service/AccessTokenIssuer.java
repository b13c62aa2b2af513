package io.keygate.token.oauth.service;

import io.keygate.events.EventEnvelope;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.token.oauth.ClientCredentials;
import io.keygate.token.oauth.Scopes;
import io.keygate.token.oauth.TokenRequestException;
import io.keygate.token.oauth.config.OAuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The client-credentials grant (RFC 6749 §4.4): authenticates the client, grants scopes, and signs an
 * RFC 9068 JWT access token ({@code typ: at+jwt}) with the active signing key. No refresh token (§4.4.3).
 */
@ApplicationScoped
public class AccessTokenIssuer {

    /** The {@code typ} header of an RFC 9068 access token. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final OAuthClientService clients;
    private final SigningKeyService signingKeys;
    private final OAuthConfig config;
    private final Clock clock = Clock.systemUTC();

    AccessTokenIssuer(OAuthClientService clients, SigningKeyService signingKeys, OAuthConfig config) {
        this.clients = clients;
        this.signingKeys = signingKeys;
        this.config = config;
    }

    /** Issues a token to the authenticated client; fails with a {@link TokenRequestException}. */
    public Uni<IssuedAccessToken> issue(ClientCredentials credentials, String requestedScope) {
        return clients.authenticate(credentials).chain(client -> {
            List<String> scopes = Scopes.grant(requestedScope, client.scopes());
            return signingKeys.signingKey().map(key -> {
                if (key == null) {
                    throw TokenRequestException.temporarilyUnavailable();
                }
                return sign(client, scopes, key);
            });
        });
    }

    private IssuedAccessToken sign(OAuthClientState client, List<String> scopes, ActiveSigningKey key) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(config.tokenLifetime());
        String jti = EventEnvelope.newEventId().toString();
        String token = Jwt.issuer(config.issuer())
                .subject(client.clientId())
                .audience(config.audience())
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond())
                .claim("jti", jti)
                .claim("client_id", client.clientId())
                .claim("scope", String.join(" ", scopes))
                .claim("tenant", client.tenantId())
                .claim("application", client.applicationId())
                .jws()
                .keyId(key.keyId())
                .header("typ", ACCESS_TOKEN_TYPE)
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
        return new IssuedAccessToken(
                token,
                jti,
                key.keyId(),
                scopes,
                expiresAt,
                config.tokenLifetime().toSeconds());
    }
}
