package io.keygate.gateway.check;

/** A request without an API key is refused without hashing anything (401). */
public final class CredentialPresentCheck implements RequestCheck {

    @Override
    public Rejection check(CallContext call) {
        String presented = CredentialExtractor.presentedKey(call.headers());
        if (presented == null) {
            return Rejection.MISSING_CREDENTIAL;
        }
        call.presentedKey(presented);
        return null;
    }
}
