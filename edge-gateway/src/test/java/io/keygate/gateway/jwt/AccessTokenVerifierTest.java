package io.keygate.gateway.jwt;

import static io.keygate.gateway.testdata.AccessTokenBuilder.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import io.keygate.events.policy.CredentialKind;
import io.keygate.gateway.check.Caller;
import io.keygate.gateway.testdata.AccessTokenBuilder;
import io.keygate.gateway.testdata.TestSigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static TestSigningKey signingKey;
    private static TestSigningKey unpublishedKey;

    private final JwtState state = new JwtState(Clock.systemUTC());
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(
            new AccessTokenRules(AccessTokenBuilder.ISSUER, AccessTokenBuilder.AUDIENCE, Set.of("RS256"), SKEW, 8192),
            state,
            1_000);
    private final Instant now = Instant.now();

    @BeforeAll
    static void generateKeys() {
        signingKey = TestSigningKey.generate();
        unpublishedKey = TestSigningKey.generate();
    }

    @BeforeEach
    void publishTheSigningKey() {
        state.signingKeys().apply(signingKey.published(), 1);
    }

    private TokenVerdict verdictOf(String token) {
        return verifier.verify(token, now).verdict();
    }

    @Test
    void validTokenYieldsItsClientAsTheCaller() {
        AccessTokenBuilder token =
                aToken(signingKey).ofTenant("acme").ofApplication("app_orders").withScope("orders:read  orders:write");

        TokenVerification verification = verifier.verify(token.sign(), now);

        assertThat(verification.verdict()).isEqualTo(TokenVerdict.VALID);
        Caller caller = verification.token().caller();
        assertThat(caller.kind()).isEqualTo(CredentialKind.JWT);
        assertThat(caller.credentialId()).isEqualTo(token.clientId());
        assertThat(caller.tenantId()).isEqualTo("acme");
        assertThat(caller.applicationId()).isEqualTo("app_orders");
        assertThat(caller.scopes()).containsExactly("orders:read", "orders:write");
        assertThat(caller.allowedNetworks()).isNull();
    }

    @Test
    void algNoneIsRefused() {
        assertThat(verdictOf(aToken(signingKey).unsigned())).isEqualTo(TokenVerdict.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        assertThat(verdictOf(aToken(signingKey).signWithHmacOverThePublicKey()))
                .isEqualTo(TokenVerdict.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void expiredTokenIsRefused() {
        String token =
                aToken(signingKey).expiringAt(now.minus(Duration.ofMinutes(5))).sign();

        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.EXPIRED);
    }

    @Test
    void tokenIsAcceptedUpToTheSkewPastItsExpiryAndNotAtIt() {
        Instant exp = Instant.ofEpochSecond(now.getEpochSecond() + 60);
        String token = aToken(signingKey).expiringAt(exp).sign();

        assertThat(verifier.verify(token, exp.plus(SKEW).minusSeconds(1)).verdict())
                .isEqualTo(TokenVerdict.VALID);
        assertThat(verifier.verify(token, exp.plus(SKEW)).verdict()).isEqualTo(TokenVerdict.EXPIRED);
    }

    @Test
    void tokenBeforeItsNotBeforeIsRefusedBeyondTheSkewOnly() {
        Instant nbf = Instant.ofEpochSecond(now.getEpochSecond() + 120);
        String token = aToken(signingKey).notBefore(nbf).sign();

        assertThat(verifier.verify(token, nbf.minus(SKEW).minusSeconds(1)).verdict())
                .isEqualTo(TokenVerdict.NOT_YET_VALID);
        assertThat(verifier.verify(token, nbf.minus(SKEW)).verdict()).isEqualTo(TokenVerdict.VALID);
    }

    @Test
    void nbfInTheFutureIsRefused() {
        String token =
                aToken(signingKey).notBefore(now.plus(Duration.ofMinutes(5))).sign();

        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.NOT_YET_VALID);
    }

    @Test
    void wrongIssuerIsRefused() {
        assertThat(verdictOf(
                        aToken(signingKey).withIssuer("https://evil.example").sign()))
                .isEqualTo(TokenVerdict.WRONG_ISSUER);
    }

    @Test
    void wrongAudienceIsRefused() {
        assertThat(verdictOf(aToken(signingKey).withAudience("another-api").sign()))
                .isEqualTo(TokenVerdict.WRONG_AUDIENCE);
    }

    @Test
    void unknownKidIsRefused() {
        assertThat(verdictOf(aToken(unpublishedKey).sign())).isEqualTo(TokenVerdict.UNKNOWN_SIGNING_KEY);
    }

    @Test
    void kidOfAnotherKeyDoesNotVerify() {
        String forged = aToken(unpublishedKey).withKeyId(signingKey.keyId()).sign();

        assertThat(verdictOf(forged)).isEqualTo(TokenVerdict.INVALID_SIGNATURE);
    }

    @Test
    void retiredKidIsRefused() {
        String token = aToken(signingKey).sign();
        state.signingKeys().apply(signingKey.retired(), 2);

        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.UNKNOWN_SIGNING_KEY);
    }

    @Test
    void tamperedPayloadIsRefused() {
        AccessTokenBuilder builder = aToken(signingKey);
        String token = builder.sign();
        String tampered = AccessTokenBuilder.withPayload(
                token,
                "{\"iss\":\"" + AccessTokenBuilder.ISSUER + "\",\"aud\":\"keygate\",\"sub\":\"" + builder.clientId()
                        + "\",\"client_id\":\"" + builder.clientId() + "\",\"tenant\":\"acme\",\"scope\":\"admin\","
                        + "\"jti\":\"" + builder.jti() + "\",\"exp\":"
                        + builder.expiresAt().getEpochSecond() + "}");

        assertThat(verdictOf(tampered)).isEqualTo(TokenVerdict.INVALID_SIGNATURE);
    }

    @Test
    void revokedJtiIsRefused() {
        AccessTokenBuilder builder = aToken(signingKey);
        state.revokedTokens().apply(revocationOf(builder));

        assertThat(verdictOf(builder.sign())).isEqualTo(TokenVerdict.REVOKED);
    }

    @Test
    void tokenOfARevokedClientIsRefused() {
        AccessTokenBuilder builder = aToken(signingKey);
        state.clients().apply(client(builder.clientId(), OAuthClientStatus.ACTIVE), 1);
        state.clients().apply(client(builder.clientId(), OAuthClientStatus.REVOKED), 2);

        TokenVerification verification = verifier.verify(builder.sign(), now);

        assertThat(verification.verdict()).isEqualTo(TokenVerdict.CLIENT_REVOKED);
        assertThat(verification.token().clientId()).isEqualTo(builder.clientId());
    }

    @Test
    void wrongTypIsRefused() {
        assertThat(verdictOf(aToken(signingKey).withType("JWT").sign())).isEqualTo(TokenVerdict.WRONG_TYPE);
        assertThat(verdictOf(aToken(signingKey).withType(null).sign())).isEqualTo(TokenVerdict.WRONG_TYPE);
    }

    @Test
    void typAsTheFullMediaTypeIsAccepted() {
        assertThat(verdictOf(aToken(signingKey).withType("application/AT+JWT").sign()))
                .isEqualTo(TokenVerdict.VALID);
    }

    @Test
    void garbageAndOverlongTokensAreMalformed() {
        assertThat(verdictOf("not.a.jwt")).isEqualTo(TokenVerdict.MALFORMED);
        assertThat(verdictOf("eyJhbGciOiJSUzI1NiJ9")).isEqualTo(TokenVerdict.MALFORMED);
        assertThat(verdictOf("a".repeat(8193))).isEqualTo(TokenVerdict.MALFORMED);
    }

    @Test
    void tokenWithoutTenantIsMalformed() {
        String token = aToken(signingKey).ofTenant(null).sign();

        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.MALFORMED);
    }

    @Test
    void repeatedTokenComesFromTheCacheAndARevocationStillAppliesAtOnce() {
        AccessTokenBuilder builder = aToken(signingKey);
        String token = builder.sign();
        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.VALID);
        assertThat(verifier.cachedTokens()).isEqualTo(1);

        state.revokedTokens().apply(revocationOf(builder));

        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.REVOKED);
    }

    @Test
    void cachedTokenIsRefusedOnceItsKeyIsRetiredOrItExpires() {
        Instant exp = Instant.ofEpochSecond(now.getEpochSecond() + 60);
        String token = aToken(signingKey).expiringAt(exp).sign();
        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.VALID);

        assertThat(verifier.verify(token, exp.plus(SKEW)).verdict()).isEqualTo(TokenVerdict.EXPIRED);

        state.signingKeys().apply(signingKey.retired(), 2);
        assertThat(verdictOf(token)).isEqualTo(TokenVerdict.UNKNOWN_SIGNING_KEY);
    }

    @Test
    void refusedTokensAreNotCached() {
        verdictOf(aToken(signingKey).withAudience("another-api").sign());
        verdictOf(aToken(signingKey).expiringAt(now.minusSeconds(600)).sign());

        assertThat(verifier.cachedTokens()).isZero();
    }

    @Test
    void noneAndHmacCannotBeConfigured() {
        assertThatThrownBy(() -> new AccessTokenRules("iss", "aud", Set.of("RS256", "none"), SKEW, 8192))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokenRules("iss", "aud", Set.of("HS256"), SKEW, 8192))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokenRules("iss", "aud", Set.of("RS256"), Duration.ofMinutes(6), 8192))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AccessTokenRevoked revocationOf(AccessTokenBuilder token) {
        return new AccessTokenRevoked(token.jti(), "acme", token.clientId(), token.expiresAt(), Instant.now());
    }

    private static OAuthClientState client(String clientId, OAuthClientStatus status) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new OAuthClientState(
                clientId,
                "acme",
                "app_orders",
                "orders client",
                "kgcs_AbCd…wXyZ",
                "hash-" + UUID.randomUUID(),
                List.of("orders:read"),
                status,
                at,
                status == OAuthClientStatus.REVOKED ? at.plusSeconds(60) : null);
    }
}
