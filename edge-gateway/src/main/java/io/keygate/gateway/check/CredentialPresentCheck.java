package io.keygate.gateway.check;

/** A request without an API key is refused without hashing anything (401). */
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
        call.presentedKey(presented);
        return null;
    }
}
