package io.keygate.token.apikey;

/** Carries an {@link ApiKeyRejection} out of a command handler to the problem mapper. */
public class ApiKeyRejectedException extends RuntimeException {

    private final transient ApiKeyRejection rejection;

    public ApiKeyRejectedException(ApiKeyRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public ApiKeyRejection rejection() {
        return rejection;
    }
}
