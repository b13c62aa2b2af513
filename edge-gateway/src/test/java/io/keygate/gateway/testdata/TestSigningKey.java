package io.keygate.gateway.testdata;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.UUID;

/** An RSA signing key made in the test (with nimbus-jose-jwt, not the gateway's jose4j), as the token-service's. */
public final class TestSigningKey {

    private static final Instant PUBLISHED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final RSAKey key;

    private TestSigningKey(RSAKey key) {
        this.key = key;
    }

    /** A fresh 2048-bit key with a random {@code sk_} key id. */
    public static TestSigningKey generate() {
        try {
            return new TestSigningKey(new RSAKeyGenerator(2048)
                    .keyID("sk_" + UUID.randomUUID().toString().replace("-", ""))
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAPrivateKey privateKey() {
        try {
            return key.toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half as the signing-key events carry it. */
    public PublicJwk publicJwk() {
        return new PublicJwk(
                "RSA",
                keyId(),
                "sig",
                "RS256",
                key.getModulus().toString(),
                key.getPublicExponent().toString());
    }

    /** Its state in a {@code signing-key.published} event. */
    public SigningKeyState published() {
        return new SigningKeyState(keyId(), publicJwk(), SigningKeyStatus.PUBLISHED, PUBLISHED_AT, null);
    }

    /** Its state in a {@code signing-key.retired} event. */
    public SigningKeyState retired() {
        return new SigningKeyState(
                keyId(), publicJwk(), SigningKeyStatus.RETIRED, PUBLISHED_AT, PUBLISHED_AT.plusSeconds(3600));
    }
}
