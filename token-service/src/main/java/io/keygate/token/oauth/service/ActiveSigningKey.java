package io.keygate.token.oauth.service;

import java.security.PrivateKey;

/**
 * The key that signs tokens now, opened for use. Lives only in memory.
 *
 * @param keyId      the {@code kid} header of the tokens it signs
 * @param privateKey its private half
 */
public record ActiveSigningKey(String keyId, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "ActiveSigningKey[" + keyId + "]";
    }
}
