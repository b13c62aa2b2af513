package io.keygate.gateway.check;

import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.policy.CredentialKind;
import io.keygate.gateway.state.GatewayKey;
import io.keygate.gateway.state.KeyVerdict;
import io.keygate.gateway.state.TokenIndex;

/**
 * Looks the presented key up by its keyed hash and refuses unknown, revoked and expired keys (401,
 * one problem for all three); a secret replaced by a rotation counts as expired once its grace period
 * ends. The presented secret is dropped from the call here. A JWT is left to {@link AccessTokenCheck}.
 */
public final class KeyLookupCheck implements RequestCheck {

    private final TokenIndex tokens;
    private final ApiKeyHasher hasher;

    public KeyLookupCheck(TokenIndex tokens, ApiKeyHasher hasher) {
        this.tokens = tokens;
        this.hasher = hasher;
    }

    @Override
    public Rejection check(CallContext call) {
        if (call.presentedKind() == CredentialKind.JWT) {
            return null;
        }
        String presentedHash = hasher.hash(call.presentedKey());
        GatewayKey key = tokens.find(presentedHash);
        call.presentedKey(null);
        if (key != null) {
            call.caller(key.caller());
        }
        return switch (KeyVerdict.of(key, presentedHash, call.receivedAt())) {
            case USABLE -> null;
            case UNKNOWN -> Rejection.UNKNOWN_KEY;
            case REVOKED -> Rejection.REVOKED_KEY;
            case EXPIRED -> Rejection.EXPIRED_KEY;
        };
    }
}
