package io.keygate.token.oauth;

/** Carries an {@link OAuthClientRejection} out of a command handler to the problem mapper. */
public class OAuthClientRejectedException extends RuntimeException {

    private final transient OAuthClientRejection rejection;

    public OAuthClientRejectedException(OAuthClientRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public OAuthClientRejection rejection() {
        return rejection;
    }
}
