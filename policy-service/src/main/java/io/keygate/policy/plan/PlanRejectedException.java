package io.keygate.policy.plan;

/** A plan command was refused; carries the typed reason the REST layer maps to a status. */
public class PlanRejectedException extends RuntimeException {

    private final transient PlanRejection rejection;

    public PlanRejectedException(PlanRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public PlanRejection rejection() {
        return rejection;
    }
}
