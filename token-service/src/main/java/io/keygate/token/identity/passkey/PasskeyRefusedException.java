package io.keygate.token.identity.passkey;

/**
 * A WebAuthn ceremony failed verification (wrong challenge, origin or relying party, bad signature or attestation,
 * undecodable data, a counter that did not move forward). The message names the check, never key material; the caller
 * turns it into the answer of its endpoint.
 */
public class PasskeyRefusedException extends RuntimeException {

    public PasskeyRefusedException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
