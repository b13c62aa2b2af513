package io.keygate.policy.iprule;

/** Carries an {@link IpRuleRejection} out of a command handler to the problem mapper. */
public class IpRuleRejectedException extends RuntimeException {

    private final transient IpRuleRejection rejection;

    public IpRuleRejectedException(IpRuleRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public IpRuleRejection rejection() {
        return rejection;
    }
}
