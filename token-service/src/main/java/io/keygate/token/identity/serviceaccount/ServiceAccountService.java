package io.keygate.token.identity.serviceaccount;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.identity.ServiceAccountEvent;
import io.keygate.events.identity.ServiceAccountState;
import io.keygate.events.identity.ServiceAccountStatus;
import io.keygate.events.identity.TenantRole;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.EventStore;
import io.keygate.eventstore.ReadModelWriter;
import io.keygate.token.config.TokenServiceConfig;
import io.keygate.token.identity.RequestOrigin;
import io.keygate.token.identity.serviceaccount.ServiceAccountCommand.CreateServiceAccount;
import io.keygate.token.identity.serviceaccount.ServiceAccountCommand.RevokeServiceAccount;
import io.keygate.token.identity.session.SessionTokenIssuer;
import io.keygate.token.oauth.ClientCredentials;
import io.keygate.token.oauth.TokenRequestException;
import io.keygate.token.oauth.service.SigningKeyService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * Service accounts: created by a tenant admin with a secret shown once (only its keyed hash is kept, beside the
 * events), exchanged for short-lived service tokens, revoked for good.
 */
@ApplicationScoped
public class ServiceAccountService {

    /** Secrets: this prefix (so secret scanners can find leaked ones) and 256 random bits, base64url. */
    public static final String SECRET_PREFIX = "kgsa_";

    private static final int SECRET_BYTES = 32;

    private final EventStore store;
    private final ServiceAccountProjection accounts;
    private final SigningKeyService signingKeys;
    private final SessionTokenIssuer issuer;
    private final ServiceAccountConfig config;
    private final ApiKeyHasher hasher;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ServiceAccountService(
            EventStore store,
            ServiceAccountProjection accounts,
            SigningKeyService signingKeys,
            SessionTokenIssuer issuer,
            ServiceAccountConfig config,
            TokenServiceConfig tokenConfig) {
        this.store = store;
        this.accounts = accounts;
        this.signingKeys = signingKeys;
        this.issuer = issuer;
        this.config = config;
        // 256 random bits: a keyed HMAC is enough, no slow hash needed (as for OAuth2 client secrets).
        this.hasher = new ApiKeyHasher(tokenConfig.pepper());
    }

    /** A created account and the only copy of its secret. */
    public record CreatedServiceAccount(ServiceAccountState account, String secret) {}

    /** An issued service token. */
    public record ServiceToken(String token, long lifetimeSeconds) {}

    /** Creates an account in {@code tenantId}; the result holds the only copy of its secret. */
    public Uni<CreatedServiceAccount> create(
            String tenantId, String name, List<TenantRole> roles, String actor, RequestOrigin origin) {
        Instant now = now();
        String secret = newSecret();
        String secretHash = hasher.hash(secret);
        CreateServiceAccount command = new CreateServiceAccount(ServiceAccount.newId(), tenantId, name, roles, now);
        ReadModelWriter<ServiceAccountState, ServiceAccountEvent> writer =
                (tx, decision) -> accounts.upsert(tx, decision.state(), decision.version())
                        .chain(() -> accounts.storeSecret(tx, decision.state().serviceAccountId(), secretHash));
        return store.create(ServiceAccount.DECIDER, command, origin.metadata(now, actor), writer)
                .map(decision -> new CreatedServiceAccount(decision.state(), secret));
    }

    /**
     * Revokes an account: no new token, and every service refuses its tokens until the last one expires. Revoking a
     * revoked account returns it unchanged.
     */
    public Uni<ServiceAccountState> revoke(String tenantId, String accountId, String actor, RequestOrigin origin) {
        Instant now = now();
        // A token issued a moment ago expires at the latest one lifetime from now (plus verifiers' clock skew).
        Instant tokensExpireBy = now.plus(config.tokenLifetime()).plusSeconds(60);
        return store.execute(
                        ServiceAccount.DECIDER,
                        accountId,
                        new RevokeServiceAccount(accountId, tenantId, now, tokensExpireBy),
                        origin.metadata(now, actor),
                        (tx, decision) -> accounts.upsert(tx, decision.state(), decision.version()))
                .map(Decision::state);
    }

    /**
     * A service token for the account these credentials authenticate.
     *
     * @throws TokenRequestException {@code invalid_client} for an unknown or revoked account or a wrong secret, all
     *                               alike; {@code temporarily_unavailable} before a signing key is active
     */
    public Uni<ServiceToken> issueToken(ClientCredentials credentials) {
        String presentedHash = hasher.hash(credentials.secret());
        return accounts.authenticatable(credentials.clientId())
                .map(found -> {
                    if (found == null
                            || found.account().status() != ServiceAccountStatus.ACTIVE
                            || !MessageDigest.isEqual(
                                    presentedHash.getBytes(StandardCharsets.US_ASCII),
                                    found.secretHash().getBytes(StandardCharsets.US_ASCII))) {
                        throw TokenRequestException.invalidClient();
                    }
                    return found.account();
                })
                .chain(account -> signingKeys.signingKey().map(key -> {
                    if (key == null) {
                        throw TokenRequestException.temporarilyUnavailable();
                    }
                    Instant now = clock.instant();
                    Instant expiresAt = now.plus(config.tokenLifetime());
                    return new ServiceToken(
                            issuer.signServiceToken(key, account, now, expiresAt),
                            config.tokenLifetime().toSeconds());
                }));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Instant now() {
        // Microseconds: what PostgreSQL stores, so a reloaded state equals the published one.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
