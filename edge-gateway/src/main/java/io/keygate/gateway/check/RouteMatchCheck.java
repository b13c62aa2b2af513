package io.keygate.gateway.check;

import io.keygate.gateway.state.GatewayRoute;
import io.keygate.gateway.state.RouteTable;

/**
 * First step: a request no route serves (by its {@code Host}, method and path) is refused before anything else
 * is looked at (404).
 */
public final class RouteMatchCheck implements RequestCheck {

    private final RouteTable routes;

    public RouteMatchCheck(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Rejection check(CallContext call) {
        GatewayRoute route = routes.match(hostOf(call.headers().get("Host")), call.method(), call.path());
        if (route == null) {
            return Rejection.NO_ROUTE;
        }
        call.route(route);
        return null;
    }

    /** The host name of a {@code Host} header: lower case, without port or trailing dot; null if absent. */
    public static String hostOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String host = header.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(0, end + 1);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.toLowerCase(java.util.Locale.ROOT);
    }
}
