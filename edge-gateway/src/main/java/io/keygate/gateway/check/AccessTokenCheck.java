package io.keygate.gateway.check;

import io.keygate.events.policy.CredentialKind;
import io.keygate.gateway.jwt.AccessTokenVerifier;
import io.keygate.gateway.jwt.TokenVerification;

/**
 * Verifies a presented JWT access token offline ({@link AccessTokenVerifier}) and makes its client the caller.
 * Every way a token can fail is answered with the same 401 as an unknown API key; the precise reason goes to the
 * call record. The token is dropped from the call here. An API key is left to {@link KeyLookupCheck}.
 */
public final class AccessTokenCheck implements RequestCheck {

    private final AccessTokenVerifier verifier;

    public AccessTokenCheck(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Rejection check(CallContext call) {
        if (call.presentedKind() != CredentialKind.JWT) {
            return null;
        }
        TokenVerification verification = verifier.verify(call.presentedKey(), call.receivedAt());
        call.presentedKey(null);
        if (verification.token() != null) {
            // Also when refused for time or revocation: the signature proved who it was, the call record names it.
            call.caller(verification.token().caller());
        }
        return switch (verification.verdict()) {
            case VALID -> null;
            case MALFORMED -> Rejection.MALFORMED_TOKEN;
            case ALGORITHM_NOT_ALLOWED -> Rejection.TOKEN_ALGORITHM_NOT_ALLOWED;
            case WRONG_TYPE -> Rejection.WRONG_TOKEN_TYPE;
            case UNKNOWN_SIGNING_KEY -> Rejection.UNKNOWN_SIGNING_KEY;
            case INVALID_SIGNATURE -> Rejection.INVALID_TOKEN_SIGNATURE;
            case EXPIRED -> Rejection.TOKEN_EXPIRED;
            case NOT_YET_VALID -> Rejection.TOKEN_NOT_YET_VALID;
            case WRONG_ISSUER -> Rejection.WRONG_ISSUER;
            case WRONG_AUDIENCE -> Rejection.WRONG_AUDIENCE;
            case REVOKED -> Rejection.TOKEN_REVOKED;
            case CLIENT_REVOKED -> Rejection.CLIENT_REVOKED;
        };
    }
}
