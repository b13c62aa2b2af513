package io.keygate.token.identity;

/** Carries an {@link IdentityRejection} out of a command handler to the problem mapper. */
public class IdentityRejectedException extends RuntimeException {

    private final transient IdentityRejection rejection;

    public IdentityRejectedException(IdentityRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public IdentityRejection rejection() {
        return rejection;
    }
}
