package io.keygate.policy.subscription;

/** A subscription command was refused; carries the typed reason the REST layer maps to a status. */
public class SubscriptionRejectedException extends RuntimeException {

    private final transient SubscriptionRejection rejection;

    public SubscriptionRejectedException(SubscriptionRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public SubscriptionRejection rejection() {
        return rejection;
    }
}
