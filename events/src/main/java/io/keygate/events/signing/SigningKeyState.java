package io.keygate.events.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * The full state of a token-signing key as carried by every signing-key event: only its public half.
 * The private key never leaves the token-service.
 *
 * @param keyId       the {@code kid}
 * @param publicKey   the public key as a JWK
 * @param status      lifecycle state
 * @param publishedAt when the key was generated and published (it signs nothing before this event is on Kafka)
 * @param retiredAt   when it left the JWKS, or null
 */
public record SigningKeyState(
        String keyId, PublicJwk publicKey, SigningKeyStatus status, Instant publishedAt, Instant retiredAt) {

    public SigningKeyState {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
