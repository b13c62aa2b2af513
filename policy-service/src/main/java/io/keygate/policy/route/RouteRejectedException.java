package io.keygate.policy.route;

/** Carries a {@link RouteRejection} out of a command handler to the problem mapper. */
public class RouteRejectedException extends RuntimeException {

    private final transient RouteRejection rejection;

    public RouteRejectedException(RouteRejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public RouteRejection rejection() {
        return rejection;
    }
}
