package io.keygate.gateway.check;

import io.keygate.events.policy.CredentialKind;

/**
 * A request without a credential is refused without hashing or parsing anything (401), and so is a credential of a
 * kind the route does not accept (an API key on a JWT-only route, a JWT on an API-key route: 401). A credential in the
 * query string is refused (401, a problem that says to use a header), unless the gateway is configured to accept API
 * keys from one query parameter: a key is then read from it when no header presents one, and the parameter is always
 * taken out of the URL sent upstream.
 */
public final class CredentialPresentCheck implements RequestCheck {

    /** Query parameter API keys are accepted from, or null (the default: none). */
    private final String queryKeyParameter;

    /** Refuses every credential in the query string. */
    public CredentialPresentCheck() {
        this(null);
    }

    /** @param queryKeyParameter the query parameter API keys are accepted from; null for none */
    public CredentialPresentCheck(String queryKeyParameter) {
        this.queryKeyParameter = queryKeyParameter;
    }

    @Override
    public Rejection check(CallContext call) {
        if (CredentialExtractor.hasKeyInQuery(call.query(), queryKeyParameter)) {
            // Refused even beside a header credential: the URL, and so the key, would reach the upstream's logs.
            return Rejection.KEY_IN_QUERY;
        }
        String presented = CredentialExtractor.presentedKey(call.headers());
        CredentialKind kind = CredentialExtractor.kindOf(call.headers());
        if (queryKeyParameter != null) {
            String fromQuery = CredentialExtractor.queryParameter(call.query(), queryKeyParameter);
            if (fromQuery != null) {
                // Never to the upstream, whichever credential is used.
                call.query(CredentialExtractor.withoutParameter(call.query(), queryKeyParameter));
                if (presented == null && !fromQuery.isBlank()) {
                    presented = fromQuery.strip();
                    kind = CredentialKind.API_KEY;
                }
            }
        }
        if (presented == null) {
            return Rejection.MISSING_CREDENTIAL;
        }
        if (call.route() != null && !call.route().accepts(kind)) {
            return Rejection.CREDENTIAL_KIND_NOT_ACCEPTED;
        }
        call.presentedKey(presented);
        call.presentedKind(kind);
        return null;
    }
}
