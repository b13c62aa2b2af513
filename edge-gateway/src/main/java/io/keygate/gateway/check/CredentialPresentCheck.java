package io.keygate.gateway.check;

import io.keygate.events.policy.CredentialKind;

/**
 * A request without a credential is refused without hashing or parsing anything (401), and so is a credential of a
 * kind the route does not accept (an API key on a JWT-only route, a JWT on an API-key route: 401).
 */
public final class CredentialPresentCheck implements RequestCheck {

    @Override
    public Rejection check(CallContext call) {
        if (CredentialExtractor.hasKeyInQuery(call.query())) {
            // Refused even beside a header credential: the URL, and so the key, would reach the upstream's logs.
            return Rejection.KEY_IN_QUERY;
        }
        String presented = CredentialExtractor.presentedKey(call.headers());
        if (presented == null) {
            return Rejection.MISSING_CREDENTIAL;
        }
        CredentialKind kind = CredentialExtractor.kindOf(call.headers());
        if (call.route() != null && !call.route().accepts(kind)) {
            return Rejection.CREDENTIAL_KIND_NOT_ACCEPTED;
        }
        call.presentedKey(presented);
        call.presentedKind(kind);
        return null;
    }
}
