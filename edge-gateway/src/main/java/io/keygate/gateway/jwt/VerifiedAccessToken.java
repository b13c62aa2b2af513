package io.keygate.gateway.jwt;

import io.keygate.gateway.check.Caller;

/**
 * An access token whose signature, header and claims were verified once: what must be re-checked on every use
 * (time, key still published, revocations) and the {@link Caller} it describes, built once so a repeated token
 * costs no allocation. Times are epoch seconds, as JWT NumericDates are.
 *
 * @param keyId     the {@code kid} that verified it
 * @param jti       its id
 * @param expiresAt its {@code exp}
 * @param notBefore its {@code nbf}, or {@link Long#MIN_VALUE} when it has none
 * @param caller    who it says is calling: kind JWT, the client id, tenant, application and scopes
 */
public record VerifiedAccessToken(String keyId, String jti, long expiresAt, long notBefore, Caller caller) {

    /** The client the token was issued to. */
    public String clientId() {
        return caller.credentialId();
    }
}
