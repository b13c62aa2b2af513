package io.keygate.gateway.jwt;

import java.security.PublicKey;

/**
 * A published signing key as the verifier uses it: parsed once when its event was applied.
 *
 * @param keyId     the {@code kid} tokens name it by
 * @param algorithm the JWS algorithm the key is for (its JWK's {@code alg}), or null when the JWK names none
 * @param publicKey the key that verifies signatures
 */
public record VerificationKey(String keyId, String algorithm, PublicKey publicKey) {}
