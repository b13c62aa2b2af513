package io.keygate.policy.api;

/** Carries an {@link ApiRejection} out of a command handler to the problem mapper. */
public class ApiRejectedException extends RuntimeException {

    private final transient ApiRejection rejection;

    public ApiRejectedException(ApiRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public ApiRejection rejection() {
        return rejection;
    }
}
