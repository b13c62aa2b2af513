package io.keygate.policy.route;

/** Why a route command was refused; each maps to one HTTP status. */
public sealed interface RouteRejection {

    /** Human-readable detail, safe to show the caller. */
    String detail();

    /** No such route for this tenant and API. */
    record NotFound(String routeId) implements RouteRejection {
        @Override
        public String detail() {
            return "Route " + routeId + " does not exist";
        }
    }

    /** The route is deleted, so it can no longer be redefined. */
    record Deleted(String routeId) implements RouteRejection {
        @Override
        public String detail() {
            return "Route " + routeId + " is deleted and can no longer be changed";
        }
    }

    /** Another active route (of any API, of any tenant) claims the same host, prefix and one of the methods. */
    record Conflict(String otherRouteId, String host, String pathPrefix, String method) implements RouteRejection {
        @Override
        public String detail() {
            return "Route " + otherRouteId + " already serves " + method + " " + host + pathPrefix;
        }
    }

    /** The API the route is defined under does not exist for the tenant, or is retired. */
    record ApiNotUsable(String apiId, boolean retired) implements RouteRejection {
        @Override
        public String detail() {
            return "API " + apiId + (retired ? " is retired and gets no routes" : " does not exist");
        }
    }

    /** A field failed a format rule. */
    record InvalidField(String field, String message) implements RouteRejection {
        @Override
        public String detail() {
            return field + ": " + message;
        }
    }

    /** A target is well-formed but points where routes may not send traffic (the SSRF guard). */
    record UnsafeTarget(String field, String message) implements RouteRejection {
        @Override
        public String detail() {
            return field + ": " + message;
        }
    }
}
