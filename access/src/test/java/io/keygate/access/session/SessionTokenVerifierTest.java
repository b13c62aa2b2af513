package io.keygate.access.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.access.Caller;
import io.keygate.access.SessionClaims;
import io.keygate.events.identity.TenantRole;
import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTokenVerifierTest {

    private static final String ISSUER = "https://token.keygate.test";
    private static final KeyPair KEY = rsa();
    private static final KeyPair OTHER_KEY = rsa();

    private final SigningKeys keys = new SigningKeys();
    private final EndedSessions ended = new EndedSessions();
    private final MovableClock clock = new MovableClock();
    private final SessionTokenVerifier verifier =
            new SessionTokenVerifier(keys, ended, ISSUER, Duration.ofSeconds(30), 100, clock);

    @BeforeEach
    void publishKey() {
        keys.apply(state("k1", KEY, SigningKeyStatus.PUBLISHED));
    }

    @Test
    void aValidSessionTokenNamesItsCaller() throws Exception {
        Caller caller = verifier.verify(sign(claims -> {}));

        assertThat(caller)
                .isEqualTo(new Caller(
                        "u-1", "s-1", "acme", java.util.Set.of(TenantRole.ADMIN, TenantRole.AUDITOR), false));
    }

    @Test
    void aPlatformAdministratorNeedsNoTenant() throws Exception {
        Caller caller = verifier.verify(sign(claims -> {
            claims.unsetClaim(SessionClaims.TENANT);
            claims.setClaim(SessionClaims.ROLES, List.of());
            claims.setClaim(SessionClaims.PLATFORM_ADMIN, true);
        }));

        assertThat(caller.platformAdmin()).isTrue();
        assertThat(caller.tenant()).isEmpty();
    }

    @Test
    void aServiceTokenActsInItsTenantWithItsRoles() throws Exception {
        String account = "svc_0123456789abcdef0123456789abcdef";
        Caller caller = verifier.verify(sign(claims -> {
            claims.setSubject(account);
            claims.setClaim(SessionClaims.SESSION_ID, account);
            claims.setClaim(SessionClaims.TOKEN_USE, SessionClaims.SERVICE);
            claims.setClaim(SessionClaims.ROLES, List.of("viewer"));
        }));

        assertThat(caller).isEqualTo(new Caller(account, account, "acme", java.util.Set.of(TenantRole.VIEWER), false));
    }

    @Test
    void theTeamsClaimNamesTheCallersTeams() throws Exception {
        Caller caller = verifier.verify(
                sign(claims -> claims.setClaim(SessionClaims.TEAMS, List.of("team_0123456789abcdef0123456789abcdef"))));

        assertThat(caller.teams()).containsExactly("team_0123456789abcdef0123456789abcdef");
        assertThat(verifier.verify(sign(claims -> {})).teams()).isEmpty();
    }

    @Test
    void aServiceTokenIsNeverAPlatformAdministratorsAndAlwaysNamesATenant() {
        assertRefused(sign(claims -> {
            claims.setClaim(SessionClaims.TOKEN_USE, SessionClaims.SERVICE);
            claims.setClaim(SessionClaims.PLATFORM_ADMIN, true);
        }));
        assertRefused(sign(claims -> {
            claims.setClaim(SessionClaims.TOKEN_USE, SessionClaims.SERVICE);
            claims.unsetClaim(SessionClaims.TENANT);
        }));
    }

    @Test
    void aRevokedServiceAccountsTokensAreRefused() throws Exception {
        String account = "svc_0123456789abcdef0123456789abcdef";
        String token = sign(claims -> {
            claims.setSubject(account);
            claims.setClaim(SessionClaims.SESSION_ID, account);
            claims.setClaim(SessionClaims.TOKEN_USE, SessionClaims.SERVICE);
        });
        verifier.verify(token);

        ended.endSession(account, java.time.Instant.now().plusSeconds(900));

        assertRefused(token);
    }

    @Test
    void expiredTokensAreRefused() {
        assertRefused(sign(claims -> claims.setExpirationTime(NumericDate.fromSeconds(now() - 120))));
    }

    @Test
    void anOAuthAccessTokenIsNotASession() {
        assertRefused(sign(claims -> claims.setAudience("keygate")));
        assertRefused(sign(claims -> claims.setClaim(SessionClaims.TOKEN_USE, "access")));
        assertRefused(sign(claims -> claims.unsetClaim(SessionClaims.TOKEN_USE)));
    }

    @Test
    void anotherIssuerIsRefused() {
        assertRefused(sign(claims -> claims.setIssuer("https://evil.test")));
    }

    @Test
    void aTokenSignedByAnUnpublishedOrRetiredKeyIsRefused() throws Exception {
        assertRefused(sign(claims -> {}, "k2", OTHER_KEY));

        String token = sign(claims -> {});
        assertThat(verifier.verify(token).sessionId()).isEqualTo("s-1");
        keys.apply(state("k1", KEY, SigningKeyStatus.RETIRED));
        assertRefused(token);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        long expiresAt = clock.instant().getEpochSecond() + 60;
        String token = sign(claims -> claims.setExpirationTime(NumericDate.fromSeconds(expiresAt)));
        assertThat(verifier.verify(token).userId()).isEqualTo("u-1");

        clock.advance(Duration.ofSeconds(60 + 29));
        assertThat(verifier.verify(token).userId()).isEqualTo("u-1");

        clock.advance(Duration.ofSeconds(2));
        assertRefused(token);
    }

    @Test
    void aRememberedTokenIsRefusedWhenItsKeyIdNowNamesAnotherKey() throws Exception {
        String token = sign(claims -> {});
        verifier.verify(token);

        keys.apply(state("k1", OTHER_KEY, SigningKeyStatus.PUBLISHED));

        assertRefused(token);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() throws Exception {
        String token = sign(claims -> {});
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(claims(claims -> claims.setClaim(SessionClaims.PLATFORM_ADMIN, true))
                                .toJson()
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertRefused(forged);
        assertThat(verifier.verify(token).platformAdmin()).isFalse();
    }

    @Test
    void algNoneAndHmacWithThePublicKeyAreRefused() throws Exception {
        JsonWebSignature none = jws(claims(claims -> {}));
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        none.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertRefused(none.getCompactSerialization());

        JsonWebSignature hmac = jws(claims(claims -> {}));
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKey(new HmacKey(KEY.getPublic().getEncoded()));
        hmac.setDoKeyValidation(false);
        assertRefused(hmac.getCompactSerialization());
    }

    @Test
    void anEndedSessionIsRefusedAndOtherSessionsAreNot() throws Exception {
        String token = sign(claims -> {});
        ended.endSession("s-2", Instant.now().plusSeconds(300));
        assertThat(verifier.verify(token).sessionId()).isEqualTo("s-1");

        ended.endSession("s-1", Instant.now().plusSeconds(300));
        assertRefused(token);
    }

    @Test
    void anUnknownRoleIsRefused() {
        assertRefused(sign(claims -> claims.setClaim(SessionClaims.ROLES, List.of("root"))));
    }

    /** A clock that moves only when told to. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidSessionException.class);
    }

    private static String sign(Consumer<JwtClaims> change) {
        return sign(change, "k1", KEY);
    }

    private static String sign(Consumer<JwtClaims> change, String keyId, KeyPair key) {
        try {
            JsonWebSignature jws = jws(claims(change));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKeyIdHeaderValue(keyId);
            jws.setKey(key.getPrivate());
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebSignature jws(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue("k1");
        return jws;
    }

    private static JwtClaims claims(Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(SessionClaims.AUDIENCE);
        claims.setSubject("u-1");
        claims.setIssuedAt(NumericDate.fromSeconds(now()));
        claims.setExpirationTime(NumericDate.fromSeconds(now() + 300));
        claims.setJwtId("j-1");
        claims.setClaim(SessionClaims.TOKEN_USE, SessionClaims.SESSION);
        claims.setClaim(SessionClaims.SESSION_ID, "s-1");
        claims.setClaim(SessionClaims.TENANT, "acme");
        claims.setClaim(SessionClaims.ROLES, List.of("admin", "auditor"));
        change.accept(claims);
        return claims;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static SigningKeyState state(String keyId, KeyPair key, SigningKeyStatus status) {
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        PublicJwk jwk = new PublicJwk(
                "RSA",
                keyId,
                "sig",
                "RS256",
                base64url.encodeToString(unsigned(rsa.getModulus().toByteArray())),
                base64url.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())));
        return new SigningKeyState(
                keyId, jwk, status, Instant.now(), status == SigningKeyStatus.RETIRED ? Instant.now() : null);
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
