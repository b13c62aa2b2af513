package io.keygate.policy.tokenpolicy;

/** Carries a {@link TokenPolicyRejection} out of a command handler to the problem mapper. */
public class TokenPolicyRejectedException extends RuntimeException {

    private final transient TokenPolicyRejection rejection;

    public TokenPolicyRejectedException(TokenPolicyRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public TokenPolicyRejection rejection() {
        return rejection;
    }
}
