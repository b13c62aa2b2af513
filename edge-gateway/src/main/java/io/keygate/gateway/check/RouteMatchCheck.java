package io.keygate.gateway.check;

import io.keygate.gateway.state.GatewayRoute;
import io.keygate.gateway.state.RouteTable;

/** First step: a request no route serves is refused before anything else is looked at (404). */
public final class RouteMatchCheck implements RequestCheck {

    private final RouteTable routes;

    public RouteMatchCheck(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Rejection check(CallContext call) {
        GatewayRoute route = routes.match(call.path());
        if (route == null) {
            return Rejection.NO_ROUTE;
        }
        call.route(route);
        return null;
    }
}
