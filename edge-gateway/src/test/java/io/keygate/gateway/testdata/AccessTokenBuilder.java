package io.keygate.gateway.testdata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Builds RFC 9068 access tokens as the token-service issues them (RS256, {@code typ: at+jwt}, its claims), signed
 * with nimbus-jose-jwt; each {@code with…} changes one thing so a test can break exactly one rule.
 */
public final class AccessTokenBuilder {

    /** The gateway's issuer and audience in the test profile (its defaults). */
    public static final String ISSUER = "http://localhost:8081";

    public static final String AUDIENCE = "keygate";

    private final TestSigningKey key;
    private String keyId;
    private String type = "at+jwt";
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private String clientId = "kgc_" + UUID.randomUUID().toString().replace("-", "");
    private String tenantId = "acme";
    private String applicationId = "app_orders";
    private String scope = "orders:read orders:write";
    private String jti = UUID.randomUUID().toString();
    private Instant issuedAt = Instant.now();
    private Instant expiresAt = issuedAt.plus(Duration.ofMinutes(15));
    private Instant notBefore;

    private AccessTokenBuilder(TestSigningKey key) {
        this.key = key;
        this.keyId = key.keyId();
    }

    /** A valid token signed with {@code key}, issued now for 15 minutes. */
    public static AccessTokenBuilder aToken(TestSigningKey key) {
        return new AccessTokenBuilder(key);
    }

    public AccessTokenBuilder withKeyId(String id) {
        this.keyId = id;
        return this;
    }

    public AccessTokenBuilder withType(String typ) {
        this.type = typ;
        return this;
    }

    public AccessTokenBuilder withIssuer(String iss) {
        this.issuer = iss;
        return this;
    }

    public AccessTokenBuilder withAudience(String aud) {
        this.audience = aud;
        return this;
    }

    public AccessTokenBuilder ofClient(String id) {
        this.clientId = id;
        return this;
    }

    public AccessTokenBuilder ofTenant(String id) {
        this.tenantId = id;
        return this;
    }

    public AccessTokenBuilder ofApplication(String id) {
        this.applicationId = id;
        return this;
    }

    public AccessTokenBuilder withScope(String scopes) {
        this.scope = scopes;
        return this;
    }

    public AccessTokenBuilder withJti(String id) {
        this.jti = id;
        return this;
    }

    public AccessTokenBuilder expiringAt(Instant exp) {
        this.expiresAt = exp;
        return this;
    }

    public AccessTokenBuilder notBefore(Instant nbf) {
        this.notBefore = nbf;
        return this;
    }

    public String clientId() {
        return clientId;
    }

    public String jti() {
        return jti;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Signed with the key's private half, RS256. */
    public String sign() {
        return signWith(JWSAlgorithm.RS256, new RSASSASigner(key.privateKey()));
    }

    /** Signed HS256 with the public key's bytes as the HMAC secret: the classic algorithm-confusion forgery. */
    public String signWithHmacOverThePublicKey() {
        try {
            return signWith(JWSAlgorithm.HS256, new MACSigner(key.publicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unsigned, {@code alg: none}, with an empty signature segment. */
    public String unsigned() {
        String header = "{\"alg\":\"none\",\"typ\":\"" + type + "\",\"kid\":\"" + keyId + "\"}";
        return base64Url(header) + "." + claims().toPayload().toBase64URL() + ".";
    }

    private String signWith(JWSAlgorithm algorithm, com.nimbusds.jose.JWSSigner signer) {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(keyId);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti)
                .claim("client_id", clientId)
                .claim("scope", scope)
                .claim("tenant", tenantId)
                .claim("application", applicationId);
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        return claims.build();
    }

    /** A signed token with its payload replaced by {@code json}, signature kept. */
    public static String withPayload(String token, String json) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64Url(json) + "." + parts[2];
    }

    private static String base64Url(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
