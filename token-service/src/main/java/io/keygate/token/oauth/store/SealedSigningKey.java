package io.keygate.token.oauth.store;

import io.keygate.token.oauth.SigningKey;

/**
 * A signing key with its private half still sealed (AES-GCM); only the signing service opens it.
 *
 * @param key              the key's lifecycle and public half
 * @param sealedPrivateKey the encrypted PKCS#8 private key
 */
public record SealedSigningKey(SigningKey key, byte[] sealedPrivateKey) {

    @Override
    public String toString() {
        return "SealedSigningKey[" + key.keyId() + "]";
    }
}
