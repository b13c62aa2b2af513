package io.keygate.token.application;

/** Carries an {@link ApplicationRejection} out of a command handler to the problem mapper. */
public class ApplicationRejectedException extends RuntimeException {

    private final transient ApplicationRejection rejection;

    public ApplicationRejectedException(ApplicationRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public ApplicationRejection rejection() {
        return rejection;
    }
}
